package io.weir.runtime.operators.sql;

import io.weir.runtime.generated.FunctionContext;
import io.weir.runtime.operators.ProcessingTimeService;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The {@link FunctionContext} that SQL operators hand to their generated functions: the session
 * time zone given by the planner, the task's clock, and the watermark the operator last saw
 * (updated by the operator in {@code processWatermark}). Task thread only.
 */
final class OperatorFunctionContext implements FunctionContext {
    private final ZoneId zone;
    private final ProcessingTimeService clock;
    private long watermark = NO_WATERMARK;

    OperatorFunctionContext(ZoneId zone, ProcessingTimeService clock) {
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

    void setCurrentWatermark(long watermark) {
        this.watermark = watermark;
    }
}
