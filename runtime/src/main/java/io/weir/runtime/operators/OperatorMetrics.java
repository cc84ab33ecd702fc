package io.weir.runtime.operators;

import java.util.function.LongSupplier;

/**
 * Metrics of one operator subtask. Records in/out and watermarks are counted by the runtime; an
 * operator adds what only it knows (late records it dropped, its own counters and gauges).
 * Only the task thread writes; any thread (the job API) may read.
 */
public interface OperatorMetrics {

    /** Counts rows the operator dropped because they were later than the watermark. */
    void incrementLateRecordsDropped();

    /** A named counter of this operator, created on first use. */
    Counter counter(String name);

    /** Registers a gauge read by the job API from another thread (so the supplier must be thread-safe). */
    void gauge(String name, LongSupplier value);

    /** A monotonically increasing count. */
    interface Counter {
        void inc();

        void inc(long n);

        long getCount();
    }
}
