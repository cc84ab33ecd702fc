package io.weir.runtime.watermark;

import io.weir.runtime.data.Row;

/** The watermark of a split is the largest value of the watermark expression over its rows. */
public final class MaxExpressionWatermarkGenerator implements WatermarkGenerator {
    private final WatermarkExpression expression;
    private long max = Long.MIN_VALUE;

    public MaxExpressionWatermarkGenerator(WatermarkExpression expression) {
        this.expression = expression;
    }

    @Override
    public void onEvent(Row row, long eventTimestamp) {
        Long candidate = expression.watermarkFor(row);
        if (candidate != null && candidate > max) {
            max = candidate;
        }
    }

    @Override
    public long currentWatermark() {
        return max;
    }
}
