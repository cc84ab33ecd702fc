/**
 * OVER aggregation. {@link io.weir.runtime.operators.sql.over.OverAggregateOperator} (what Flink
 * runs): insert-only input ordered by a time attribute, ROWS and RANGE frames, unbounded or n
 * preceding, in event time (rows buffered until the watermark) or processing time.
 * {@link io.weir.runtime.operators.sql.over.RetractOverAggregateOperator} (a Weir extension): an
 * updating input or any order, the partition's rows kept sorted and each changed row's frame
 * recomputed, emitting {@code +I/-U/+U/-D}. Both run all aggregate calls of one window in one
 * generated {@link io.weir.runtime.generated.AggsHandle}.
 */
package io.weir.runtime.operators.sql.over;
