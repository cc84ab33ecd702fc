package io.weir.runtime.generated;

import io.weir.runtime.data.Row;

/**
 * Evaluates a table's {@code WATERMARK FOR ts AS expr} on one row. Returns the watermark
 * candidate in epoch milliseconds, or {@link #NO_WATERMARK} when the expression is NULL (as in
 * Flink, a NULL watermark is not emitted). The watermark assigner keeps the maximum.
 *
 * <p>It is also the runtime's {@link io.weir.runtime.watermark.WatermarkExpression} (boxed, null
 * for no candidate), so a generated instance plugs into the runtime's watermark strategy directly.
 */
@FunctionalInterface
public interface WatermarkExpression extends io.weir.runtime.watermark.WatermarkExpression, GeneratedFunction {
    long NO_WATERMARK = Long.MIN_VALUE;

    long currentWatermark(Row row);

    @Override
    default Long watermarkFor(Row row) {
        long wm = currentWatermark(row);
        return wm == NO_WATERMARK ? null : wm;
    }
}
