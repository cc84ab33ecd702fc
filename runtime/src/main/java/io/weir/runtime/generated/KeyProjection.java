package io.weir.runtime.generated;

import io.weir.runtime.data.Row;
import io.weir.runtime.operators.KeySelector;

/**
 * Extracts the key of a row (grouping keys, join keys, partition keys) as a new {@link Row} of
 * kind {@code INSERT}. The key is never reused between calls, so it can be kept in state and in
 * hash maps; its {@link Row#hashCode()} decides the key group. Generated key projections are
 * stateless, so they are also the runtime's {@link KeySelector} (shareable between subtasks).
 */
@FunctionalInterface
public interface KeyProjection extends KeySelector, GeneratedFunction {
    @Override
    Row getKey(Row row);
}
