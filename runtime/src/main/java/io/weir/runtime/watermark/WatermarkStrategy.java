package io.weir.runtime.watermark;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a source assigns event time and generates watermarks, supplied by the planner from the
 * table's {@code WATERMARK FOR} clause: a timestamp assigner and a factory of one
 * {@link WatermarkGenerator} per split. Idleness comes from {@code table.exec.source.idle-timeout}.
 */
public final class WatermarkStrategy {
    private final TimestampAssigner timestampAssigner;
    private final Supplier<WatermarkGenerator> generatorFactory;

    public WatermarkStrategy(TimestampAssigner timestampAssigner, Supplier<WatermarkGenerator> generatorFactory) {
        this.timestampAssigner = Objects.requireNonNull(timestampAssigner, "timestampAssigner");
        this.generatorFactory = Objects.requireNonNull(generatorFactory, "generatorFactory");
    }

    /** SQL semantics: the watermark is the maximum of {@code expression} over the rows seen so far. */
    public static WatermarkStrategy forExpression(TimestampAssigner timestampAssigner, WatermarkExpression expression) {
        return new WatermarkStrategy(timestampAssigner, () -> new MaxExpressionWatermarkGenerator(expression));
    }

    /** Watermark = max event time - {@code maxOutOfOrdernessMillis} - 1 (Flink's bounded out-of-orderness). */
    public static WatermarkStrategy boundedOutOfOrderness(TimestampAssigner timestampAssigner, long maxOutOfOrdernessMillis) {
        return forExpression(timestampAssigner, row -> {
            long ts = timestampAssigner.extractTimestamp(row);
            return ts == Long.MIN_VALUE ? null : ts - maxOutOfOrdernessMillis - 1;
        });
    }

    public TimestampAssigner timestampAssigner() { return timestampAssigner; }

    /** A new generator for one split. */
    public WatermarkGenerator createGenerator() {
        return generatorFactory.get();
    }
}
