/**
 * Deduplication ({@link io.weir.runtime.operators.sql.dedup.DeduplicateOperator}: keep first / keep
 * last on processing time or row time) and window deduplication
 * ({@link io.weir.runtime.operators.sql.dedup.WindowDeduplicateOperator}).
 */
package io.weir.runtime.operators.sql.dedup;
