package io.weir.runtime.operators.sql;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * When a window fires, for the window operators that read {@code window_end} from their rows
 * (window join, window Top-N, window deduplication): at its last millisecond, {@code window_end - 1}.
 * For windows over a {@code TIMESTAMP_LTZ} time attribute, {@code window_end} is local wall-clock
 * time in the session time zone (see {@link SliceAssigner#withShiftTimeZone}), so the last
 * millisecond is converted back to the instant that watermarks and the clock measure.
 */
public final class WindowTriggerTime {
    private WindowTriggerTime() {
    }

    /**
     * @param shiftTimeZone the session time zone for {@code TIMESTAMP_LTZ} windows, UTC (or null) otherwise
     * @return the watermark or clock time at which the window ending at {@code windowEnd} fires
     */
    public static long of(long windowEnd, ZoneId shiftTimeZone) {
        long last = windowEnd - 1;
        if (shiftTimeZone == null || shiftTimeZone.normalized().equals(ZoneOffset.UTC)) {
            return last;
        }
        LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(last, 1000L),
            (int) Math.floorMod(last, 1000L) * 1_000_000, ZoneOffset.UTC);
        return local.atZone(shiftTimeZone).toInstant().toEpochMilli();
    }
}
