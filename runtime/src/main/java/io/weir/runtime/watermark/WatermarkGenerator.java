package io.weir.runtime.watermark;

import io.weir.runtime.data.Row;

/**
 * Generates the watermark of one source split. The source task keeps one instance per split, so
 * splits that are behind hold the watermark back. Called only on the source task thread: first
 * {@link #onEvent} for each row of the split, and {@link #currentWatermark()} every
 * {@code pipeline.auto-watermark-interval} (and when the split ends). The runtime keeps the
 * emitted watermark monotonic and takes the minimum over the active splits of the subtask.
 */
public interface WatermarkGenerator {

    /** A row of this split with its event time. */
    void onEvent(Row row, long eventTimestamp);

    /** The watermark of this split now; {@code Long.MIN_VALUE} for "none yet". */
    long currentWatermark();
}
