package io.weir.runtime.io;

/**
 * Combines the watermarks of the channels of one input: the minimum over channels that are
 * neither idle nor ended, never going backwards. An idle channel is excluded until it sends a row
 * or a watermark again. Task thread only.
 */
public final class WatermarkValve {
    /** Returned when the combined watermark did not advance. */
    public static final long NO_CHANGE = Long.MIN_VALUE;

    private final long[] watermarks;
    private final boolean[] idle;
    private final boolean[] ended;
    private long combined = Long.MIN_VALUE;

    public WatermarkValve(int channels) {
        this.watermarks = new long[channels];
        this.idle = new boolean[channels];
        this.ended = new boolean[channels];
        java.util.Arrays.fill(watermarks, Long.MIN_VALUE);
    }

    /** A watermark arrived on {@code channel}; returns the new combined watermark or {@link #NO_CHANGE}. */
    public long onWatermark(int channel, long watermark) {
        idle[channel] = false;
        if (watermark > watermarks[channel]) {
            watermarks[channel] = watermark;
        }
        return recompute();
    }

    /** The channel became idle: it may release the combined watermark. */
    public long onIdle(int channel) {
        idle[channel] = true;
        return recompute();
    }

    /** The channel delivered a row: it is active again (it holds back the watermark from now on). */
    public void onActive(int channel) {
        idle[channel] = false;
    }

    /** The channel ended: it no longer holds back the watermark. */
    public long onEnd(int channel) {
        ended[channel] = true;
        return recompute();
    }

    /** True when every channel that has not ended is idle (and at least one has not ended). */
    public boolean isIdle() {
        boolean anyOpen = false;
        for (int i = 0; i < idle.length; i++) {
            if (!ended[i]) {
                anyOpen = true;
                if (!idle[i]) {
                    return false;
                }
            }
        }
        return anyOpen;
    }

    public long combinedWatermark() {
        return combined;
    }

    private long recompute() {
        long min = Long.MAX_VALUE;
        boolean any = false;
        for (int i = 0; i < watermarks.length; i++) {
            if (!idle[i] && !ended[i]) {
                any = true;
                min = Math.min(min, watermarks[i]);
            }
        }
        if (!any || min <= combined) {
            return NO_CHANGE;
        }
        combined = min;
        return min;
    }
}
