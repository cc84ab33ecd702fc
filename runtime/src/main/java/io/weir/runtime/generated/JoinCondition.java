package io.weir.runtime.generated;

import io.weir.runtime.data.Row;

/**
 * A condition on a pair of rows, the left input's fields first ({@code $0..$n-1}) and the right
 * input's after them; NULL counts as false.
 */
@FunctionalInterface
public interface JoinCondition extends GeneratedFunction {
    boolean test(Row left, Row right);
}
