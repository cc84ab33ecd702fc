package io.weir.runtime.operators;

/**
 * The task's clock and non-keyed processing-time callbacks (periodic watermarks, idleness checks,
 * rolling files by time). Callbacks run on the task thread through the mailbox, never concurrently
 * with the operator. A test harness replaces the clock.
 */
public interface ProcessingTimeService {

    /** Current processing time in epoch milliseconds. */
    long currentProcessingTime();

    /**
     * Runs {@code callback} on the task thread once processing time reaches {@code time}. Callbacks
     * not yet run when the task ends are dropped.
     */
    Cancellable schedule(long time, Callback callback);

    /** A callback receiving the time it was scheduled for. */
    @FunctionalInterface
    interface Callback {
        void onProcessingTime(long time) throws Exception;
    }

    /** A handle to drop a scheduled callback. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
