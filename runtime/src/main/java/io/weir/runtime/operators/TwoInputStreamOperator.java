package io.weir.runtime.operators;

import io.weir.runtime.data.Row;

/**
 * An operator with two inputs (joins). Input 1 is the left input (edge input index 0), input 2
 * the right (index 1). Each input may have its own key selector; for a keyed operator the runtime
 * sets the current key from the selector of the input that delivered the row.
 *
 * <p>Watermarks: the runtime tracks each input's watermark, calls
 * {@link #processWatermark1}/{@link #processWatermark2} when one advances, and calls
 * {@link #processWatermark(long)} with the minimum of the two when that minimum advances (after
 * firing event-time timers up to it). See {@link StreamOperator} for threads and call order.
 */
public interface TwoInputStreamOperator extends StreamOperator {

    void processElement1(Row row) throws Exception;

    void processElement2(Row row) throws Exception;

    /** Input 1's own watermark advanced (informational; timers follow the combined watermark). */
    default void processWatermark1(long watermark) throws Exception {
    }

    /** Input 2's own watermark advanced (informational; timers follow the combined watermark). */
    default void processWatermark2(long watermark) throws Exception {
    }
}
