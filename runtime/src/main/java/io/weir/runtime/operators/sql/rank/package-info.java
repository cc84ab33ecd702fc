/**
 * Top-N ({@link io.weir.runtime.operators.sql.rank.TopNOperator}) over insert-only or updating input
 * and window Top-N ({@link io.weir.runtime.operators.sql.rank.WindowTopNOperator}), ranked by
 * {@code ROW_NUMBER}, {@code RANK} or {@code DENSE_RANK} with a generated
 * {@link io.weir.runtime.generated.RecordComparator}.
 */
package io.weir.runtime.operators.sql.rank;
