package io.weir.runtime.operators;

/**
 * Registers and deletes timers of a keyed operator, for the current key (set by the runtime before
 * each element and timer) and a namespace.
 *
 * <p>Only the task thread calls it. Timers are kept per key group, fire in timestamp order
 * (event-time timers when the input watermark reaches them, processing-time timers when the clock
 * does) through {@link StreamOperator#onTimer(Timer)}, and are snapshotted and restored together
 * with keyed state. Registering the same (key, namespace, timestamp) twice keeps one timer.
 *
 * @param <N> the namespace type
 */
public interface TimerService<N> {

    /** Current processing time in epoch milliseconds (the task's clock; a test harness controls it). */
    long currentProcessingTime();

    /** The operator's current input watermark; {@code Long.MIN_VALUE} before the first one. */
    long currentWatermark();

    void registerEventTimeTimer(N namespace, long time);

    void registerProcessingTimeTimer(N namespace, long time);

    /** Deletes the timer if it exists; a no-op otherwise. */
    void deleteEventTimeTimer(N namespace, long time);

    void deleteProcessingTimeTimer(N namespace, long time);
}
