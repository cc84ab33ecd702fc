/**
 * Multiset operations: {@link io.weir.runtime.operators.sql.setop.SetOpAllOperator}
 * ({@code INTERSECT ALL}, {@code EXCEPT ALL}).
 */
package io.weir.runtime.operators.sql.setop;
