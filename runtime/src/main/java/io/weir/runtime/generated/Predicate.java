package io.weir.runtime.generated;

import io.weir.runtime.data.Row;

/** A condition on one row; NULL counts as false (SQL {@code WHERE} semantics). */
@FunctionalInterface
public interface Predicate extends GeneratedFunction {
    boolean test(Row row);
}
