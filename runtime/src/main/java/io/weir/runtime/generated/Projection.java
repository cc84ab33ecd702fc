package io.weir.runtime.generated;

import io.weir.runtime.data.Row;

/**
 * Computes one output row from one input row (a {@code SELECT} list without a filter).
 *
 * <p>The output row has the input's {@link io.weir.runtime.data.RowKind}. If the class was
 * generated with output reuse, every call returns the same {@link Row} instance, overwritten by the
 * next call: a caller that keeps it must {@link Row#copy()} it.
 */
@FunctionalInterface
public interface Projection extends GeneratedFunction {
    Row apply(Row input);
}
