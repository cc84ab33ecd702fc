package io.weir.runtime.generated;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A {@link FunctionContext} whose watermark the owning operator sets, and whose processing time is
 * the wall clock unless fixed (tests, deterministic replays). Not thread-safe: the task thread owns it.
 */
public final class SimpleFunctionContext implements FunctionContext {
    private final ZoneId zone;
    private long watermark = NO_WATERMARK;
    private long fixedProcessingTime = Long.MIN_VALUE;

    public SimpleFunctionContext(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public ZoneId localTimeZone() {
        return zone;
    }

    @Override
    public long currentProcessingTime() {
        return fixedProcessingTime != Long.MIN_VALUE ? fixedProcessingTime : System.currentTimeMillis();
    }

    @Override
    public long currentWatermark() {
        return watermark;
    }

    public void setCurrentWatermark(long watermark) {
        this.watermark = watermark;
    }

    /** Fixes the processing time to {@code millis}; {@code Long.MIN_VALUE} returns to the wall clock. */
    public void setProcessingTime(long millis) {
        this.fixedProcessingTime = millis;
    }
}
