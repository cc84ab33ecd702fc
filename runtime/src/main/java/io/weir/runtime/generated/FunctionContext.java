package io.weir.runtime.generated;

import java.time.ZoneId;

/**
 * What generated expressions may ask of the running task: the session time zone (for
 * {@code TIMESTAMP_LTZ}, {@code DATE_FORMAT}, {@code FROM_UNIXTIME}, ...), the processing time
 * ({@code PROCTIME()}, {@code CURRENT_TIMESTAMP}) and the operator's current watermark
 * ({@code CURRENT_WATERMARK(ts)}).
 *
 * <p>Called on the task thread, possibly once per row: implementations must be cheap (read a
 * field, no allocation).
 */
public interface FunctionContext {

    /** Value of {@link #currentWatermark()} before the first watermark arrived. */
    long NO_WATERMARK = Long.MIN_VALUE;

    /** The session time zone, {@code table.local-time-zone}. */
    ZoneId localTimeZone();

    /** Processing time in epoch milliseconds. */
    long currentProcessingTime();

    /** The current event-time watermark of the calling operator, or {@link #NO_WATERMARK}. */
    long currentWatermark();

    /** A context with a fixed zone, the wall clock, and a watermark settable by the caller. */
    static SimpleFunctionContext of(ZoneId zone) {
        return new SimpleFunctionContext(zone);
    }
}
