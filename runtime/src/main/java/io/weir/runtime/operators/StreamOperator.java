package io.weir.runtime.operators;

/**
 * The contract between the runtime and one parallel instance (subtask) of an operator.
 *
 * <h2>Threads</h2>
 * Every method is called by the one task thread that owns this instance (DESIGN.md section 4:
 * task = one thread + mailbox). Nothing else touches the operator or its state, so it needs no
 * locks. Work that completes on another thread comes back through
 * {@link OperatorContext#mailbox()}.
 *
 * <h2>Call order</h2>
 * <ol>
 *   <li>{@link #open(OperatorContext)} once. The context is complete: keyed and operator state are
 *       already restored when the job resumes from a checkpoint. Declare state and timers here.</li>
 *   <li>{@link #initializeState(StateInitialization)} once, right after {@code open}, fresh or
 *       restored: read operator state (positions, pending transactions) into fields.</li>
 *   <li>Any interleaving of: elements ({@link OneInputStreamOperator#processElement} or the
 *       two-input variants), {@link #processWatermark(long)} (after the event-time timers up to
 *       that watermark have fired), {@link #onTimer(Timer)}, mailbox actions,
 *       {@link #snapshotState(long)}, {@link #notifyCheckpointComplete(long)},
 *       {@link #notifyCheckpointAborted(long)}. For keyed operators the runtime sets the current
 *       key before each element and each timer.</li>
 *   <li>{@link #finish()} once, when all inputs have ended (after every deferred timer firing),
 *       and only then; emit what is buffered. A final checkpoint may follow (snapshotState and
 *       notifyCheckpointComplete can still be called after finish).</li>
 *   <li>{@link #close()} exactly once, always last, also after a failure or cancellation (then
 *       without {@code finish}). Release resources; do not emit.</li>
 * </ol>
 *
 * <h2>Watermarks</h2>
 * An operator with several inputs sees the minimum of its inputs' watermarks; idle inputs are
 * excluded. Watermarks never go backwards.
 *
 * <p>Maintenance notes: there is deliberately no base class with protected fields; an operator
 * keeps the {@link OperatorContext} it receives in {@code open}. Defaults are no-ops where doing
 * nothing is correct.
 */
public interface StreamOperator {

    /** Called first; keep the context. May declare state, timers and metrics. */
    void open(OperatorContext context) throws Exception;

    /** Called once after {@link #open}: read restored operator state into fields. */
    default void initializeState(StateInitialization initialization) throws Exception {
    }

    /**
     * The input watermark advanced to {@code watermark}; event-time timers up to it have fired.
     *
     * @return the watermark to forward downstream: normally {@code watermark} itself; an operator
     *     that holds back results may return less ({@code Long.MIN_VALUE} forwards nothing). The
     *     runtime never forwards a watermark smaller than one already forwarded.
     */
    default long processWatermark(long watermark) throws Exception {
        return watermark;
    }

    /** A timer of this operator fired; for keyed operators the current key is the timer's key. */
    default void onTimer(Timer<?> timer) throws Exception {
    }

    /**
     * Synchronous part of checkpoint {@code checkpointId}, called when the barrier is aligned (or
     * when a source is triggered), before the state backends are snapshotted: move whatever is
     * kept in fields into keyed or operator state. Must be quick; emitting is allowed (for example
     * a sink pre-commit) but rows emitted here precede the barrier.
     */
    default void snapshotState(long checkpointId) throws Exception {
    }

    /** Checkpoint {@code checkpointId} completed everywhere: commit what it covers. Idempotent. */
    default void notifyCheckpointComplete(long checkpointId) throws Exception {
    }

    /** Checkpoint {@code checkpointId} will never complete. */
    default void notifyCheckpointAborted(long checkpointId) throws Exception {
    }

    /** All inputs ended: flush buffered results to the output. Not called on failure or cancel. */
    default void finish() throws Exception {
    }

    /** Releases resources. Called exactly once, last, whatever happened before. */
    default void close() throws Exception {
    }
}
