package io.weir.runtime.operators.sql;

import io.weir.runtime.data.Row;
import io.weir.runtime.generated.GeneratedClass;
import io.weir.runtime.generated.WatermarkExpression;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.Output;
import io.weir.runtime.operators.ProcessingTimeService;
import io.weir.runtime.tasks.WatermarkStatusOutput;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Generates watermarks from a table's {@code WATERMARK FOR ts AS expr} where the source does not
 * (the runtime's source operator already does it per split when the planner hands it a
 * {@code WatermarkStrategy}; this operator is for watermarks declared after a computation the
 * source cannot evaluate). Rows pass through unchanged; the watermark is the maximum of the
 * expression over the rows seen, emitted every {@code pipeline.auto-watermark-interval} (on every
 * advance when the interval is zero). Upstream watermarks are replaced, except the final
 * {@code Long.MAX_VALUE} of a bounded input. With an idle timeout ({@code table.exec.source.idle-timeout})
 * the output is marked idle after that long without rows, and active again on the next row.
 *
 * <p>The maximum is not checkpointed: after a restore it is rebuilt from the rows that follow, as
 * in Flink, and the runtime never lets the emitted watermark go backwards downstream.
 */
public final class WatermarkAssignerOperator implements OneInputStreamOperator {
    private final Supplier<WatermarkExpression> expressionFactory;
    private final long intervalMillis;
    private final long idleTimeoutMillis;
    private final ZoneId zone;
    private WatermarkExpression expression;
    private Output output;
    private ProcessingTimeService clock;
    private long maxWatermark = Long.MIN_VALUE;
    private long emittedWatermark = Long.MIN_VALUE;
    private long lastRowTime;
    private boolean idle;

    /**
     * @param expression the generated watermark expression over the input row
     * @param interval {@code pipeline.auto-watermark-interval}; zero emits on every advance
     * @param idleTimeout {@code table.exec.source.idle-timeout}; zero disables idleness
     */
    public WatermarkAssignerOperator(GeneratedClass<WatermarkExpression> expression, Duration interval,
                                     Duration idleTimeout, ZoneId zone) {
        this(Generated.supplier(expression), interval, idleTimeout, zone);
    }

    WatermarkAssignerOperator(Supplier<WatermarkExpression> expressionFactory, Duration interval, Duration idleTimeout,
                              ZoneId zone) {
        this.expressionFactory = Objects.requireNonNull(expressionFactory, "expression");
        this.intervalMillis = interval.toMillis();
        this.idleTimeoutMillis = idleTimeout.toMillis();
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public static OperatorFactory factory(String name, String uid, GeneratedClass<WatermarkExpression> expression,
                                          Duration interval, Duration idleTimeout, ZoneId zone) {
        return OperatorFactory.of(name, uid, () -> new WatermarkAssignerOperator(expression, interval, idleTimeout, zone));
    }

    @Override
    public void open(OperatorContext context) {
        this.output = context.output();
        this.clock = context.processingTimeService();
        this.expression = expressionFactory.get();
        expression.open(new OperatorFunctionContext(zone, clock));
        this.lastRowTime = clock.currentProcessingTime();
        long tick = tickMillis();
        if (tick > 0) {
            clock.schedule(lastRowTime + tick, this::onTick);
        }
    }

    private long tickMillis() {
        if (intervalMillis > 0 && idleTimeoutMillis > 0) {
            return Math.min(intervalMillis, idleTimeoutMillis);
        }
        return Math.max(intervalMillis, idleTimeoutMillis);
    }

    @Override
    public void processElement(Row row) {
        if (idleTimeoutMillis > 0) {
            lastRowTime = clock.currentProcessingTime();
            if (idle) {
                idle = false;
                markIdle(false);
            }
        }
        long wm = expression.currentWatermark(row);
        // The row goes first, then the watermark it advances (as Flink): with a zero delay the row is
        // not late for its own watermark.
        output.collect(row);
        if (wm > maxWatermark) {
            maxWatermark = wm;
            if (intervalMillis == 0) {
                emitIfAdvanced();
            }
        }
    }

    private void onTick(long time) {
        emitIfAdvanced();
        if (idleTimeoutMillis > 0 && !idle && clock.currentProcessingTime() - lastRowTime >= idleTimeoutMillis) {
            idle = true;
            markIdle(true);
        }
        clock.schedule(clock.currentProcessingTime() + tickMillis(), this::onTick);
    }

    private void emitIfAdvanced() {
        if (maxWatermark > emittedWatermark && maxWatermark != WatermarkExpression.NO_WATERMARK) {
            emittedWatermark = maxWatermark;
            output.emitWatermark(maxWatermark);
        }
    }

    private void markIdle(boolean isIdle) {
        if (output instanceof WatermarkStatusOutput) {
            ((WatermarkStatusOutput) output).emitWatermarkStatus(isIdle);
        }
    }

    /** Upstream watermarks are replaced by this operator's, except the end of a bounded input. */
    @Override
    public long processWatermark(long watermark) {
        return watermark == Long.MAX_VALUE ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    @Override
    public void finish() {
        emitIfAdvanced();
    }

    @Override
    public void close() {
        if (expression != null) {
            expression.close();
        }
    }
}
