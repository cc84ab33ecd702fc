package io.weir.runtime.generated;

import io.weir.runtime.data.Row;

/**
 * Extracts the key of a row (grouping keys, join keys, partition keys) as a new {@link Row} of
 * kind {@code INSERT}. The key is never reused between calls, so it can be kept in state and in
 * hash maps; its {@link Row#hashCode()} decides the key group.
 */
@FunctionalInterface
public interface KeyProjection extends GeneratedFunction {
    Row getKey(Row row);
}
