package io.weir.runtime.generated;

import io.weir.runtime.data.Row;

/**
 * Evaluates a table's {@code WATERMARK FOR ts AS expr} on one row. Returns the watermark
 * candidate in epoch milliseconds, or {@link #NO_WATERMARK} when the expression is NULL (as in
 * Flink, a NULL watermark is not emitted). The watermark assigner keeps the maximum.
 */
@FunctionalInterface
public interface WatermarkExpression extends GeneratedFunction {
    long NO_WATERMARK = Long.MIN_VALUE;

    long currentWatermark(Row row);
}
