package io.weir.runtime.generated;

import io.weir.runtime.data.Row;

/**
 * A fused filter and projection ({@code SELECT exprs FROM t WHERE cond}).
 *
 * <p>Returns {@code null} when the condition is false or NULL, else the projected row with the
 * input's {@link io.weir.runtime.data.RowKind}. With output reuse (a generation option) the same
 * {@link Row} instance is returned every call; callers that keep it must copy it. Runtime errors in
 * the expressions throw {@link ExpressionException} naming the expression and the input row.
 */
@FunctionalInterface
public interface Calc extends GeneratedFunction {
    Row apply(Row input);
}
