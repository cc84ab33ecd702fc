package io.weir.runtime.operators.sql.join;

import io.weir.runtime.generated.FunctionContext;
import io.weir.runtime.operators.ProcessingTimeService;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The {@link FunctionContext} the operators of the join, over, rank and dedup packages hand to their
 * generated functions: the session time zone, the task's clock (so a harness's manual clock is seen),
 * and the watermark the operator last saw (set by the operator). Task thread only.
 */
public final class TaskFunctionContext implements FunctionContext {
    private final ZoneId zone;
    private final ProcessingTimeService clock;
    private long watermark = NO_WATERMARK;

    public TaskFunctionContext(ZoneId zone, ProcessingTimeService clock) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ZoneId localTimeZone() {
        return zone;
    }

    @Override
    public long currentProcessingTime() {
        return clock.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return watermark;
    }

    public void setCurrentWatermark(long watermark) {
        this.watermark = watermark;
    }
}
