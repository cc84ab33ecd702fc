package io.weir.runtime.operators.sql;

import io.weir.runtime.operators.ProcessingTimeService;

/**
 * Decides when a mini-batch operator folds its buffer: after {@link MiniBatch#size()} rows, or
 * {@link MiniBatch#allowLatency()} after the first row of a batch (a processing-time callback,
 * which runs on the task thread). Callbacks of batches that were already flushed are ignored.
 * Task thread only.
 */
final class BundleTrigger {
    /** What to do when the batch is due. */
    @FunctionalInterface
    interface Flush {
        void flush() throws Exception;
    }

    private final MiniBatch config;
    private final ProcessingTimeService clock;
    private final Flush flush;
    private long count;
    private long batch;

    BundleTrigger(MiniBatch config, ProcessingTimeService clock, Flush flush) {
        this.config = config;
        this.clock = clock;
        this.flush = flush;
    }

    /** One more row is buffered; flushes when the batch is full. */
    void onElement() throws Exception {
        count++;
        if (count == 1 && !config.allowLatency().isZero()) {
            long thisBatch = batch;
            clock.schedule(clock.currentProcessingTime() + config.allowLatency().toMillis(), t -> {
                if (batch == thisBatch && count > 0) {
                    flushNow();
                }
            });
        }
        if (config.size() > 0 && count >= config.size()) {
            flushNow();
        }
    }

    /** Flushes the current batch if it has rows (before watermarks, checkpoints and at the end). */
    void flushNow() throws Exception {
        if (count > 0) {
            count = 0;
            batch++;
            flush.flush();
        }
    }
}
