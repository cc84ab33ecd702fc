/**
 * OVER aggregation ({@link io.weir.runtime.operators.sql.over.OverAggregateOperator}): ROWS and
 * RANGE frames, unbounded or n preceding, in event time (rows buffered until the watermark) or
 * processing time, all aggregate calls of one window in one generated
 * {@link io.weir.runtime.generated.AggsHandle}.
 */
package io.weir.runtime.operators.sql.over;
