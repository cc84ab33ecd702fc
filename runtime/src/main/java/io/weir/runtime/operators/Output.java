package io.weir.runtime.operators;

import io.weir.runtime.data.Row;

/**
 * Where an operator emits its results: rows and watermarks, in order.
 *
 * <p>Called only on the task thread that runs the operator (from {@code processElement},
 * {@code processWatermark}, {@code onTimer}, {@code finish} or a mailbox action). The next operator
 * of a chain receives the row synchronously; across a channel the row object itself is handed over
 * (no copy, no serialization in one JVM). So, after {@link #collect(Row)} the caller must not modify
 * that row instance again: emit a fresh row (or a copy) every time.
 */
public interface Output {

    /** Emits one row. May block while the downstream channel is full (backpressure). */
    void collect(Row row);

    /**
     * Emits a watermark: no row with an event time {@code <= watermark} follows on this output.
     * The runtime drops watermarks that do not advance the last emitted one.
     */
    void emitWatermark(long watermark);
}
