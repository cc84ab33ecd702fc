package io.weir.runtime.operators;

/**
 * An operator without input that produces rows when the task pulls it: the head of a source
 * vertex. The task loop alternates between mailbox letters (checkpoint triggers, timers) and
 * {@link #emitNext()}, so a checkpoint is taken between two calls, never in the middle of one.
 *
 * <p>A checkpoint trigger on a source is a mailbox letter: {@link #snapshotState(long)} records
 * the position of every split (into operator state), then the runtime emits the barrier.
 */
public interface SourceOperator extends StreamOperator {

    /** What the source can do next. */
    enum Status {
        /** Call {@link #emitNext()} again soon. */
        MORE_AVAILABLE,
        /** Nothing to read now; the task waits briefly (or until a mailbox letter) and asks again. */
        NOTHING_AVAILABLE,
        /** The source is exhausted: the runtime sends end-of-input downstream and calls {@code finish}. */
        END_OF_INPUT
    }

    /**
     * Emits a bounded amount of rows (and possibly watermarks) to the output and returns promptly,
     * so that mailbox letters are not delayed by more than a few milliseconds.
     */
    Status emitNext() throws Exception;

    /**
     * True while the source reads a backlog (see {@code SplitReader#isProcessingBacklog}); may be
     * read from any thread, so implementations keep it in a volatile field updated by {@link #emitNext()}.
     */
    default boolean isProcessingBacklog() {
        return false;
    }
}
