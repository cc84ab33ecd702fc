package io.weir.runtime.io;

/**
 * The channel became idle (it no longer holds back the minimum watermark downstream) or active
 * again. Sources send IDLE when all their splits were idle for {@code table.exec.source.idle-timeout};
 * any row or watermark makes a channel active again.
 */
public final class WatermarkStatus implements StreamEvent {
    public static final WatermarkStatus IDLE = new WatermarkStatus(true);
    public static final WatermarkStatus ACTIVE = new WatermarkStatus(false);

    private final boolean idle;

    private WatermarkStatus(boolean idle) {
        this.idle = idle;
    }

    public boolean isIdle() {
        return idle;
    }

    @Override
    public String toString() {
        return idle ? "IDLE" : "ACTIVE";
    }
}
