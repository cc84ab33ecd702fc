package io.weir.runtime.io;

/**
 * The producer has finished its rows (its operators ran {@code finish()}) but stays alive for a
 * final checkpoint: only checkpoint barriers and then {@link EndOfInput} follow. Sent instead of
 * an immediate {@code EndOfInput} when the job waits for a final checkpoint, so that two-phase-commit
 * sinks commit the tail of their output.
 */
public final class EndOfData implements StreamEvent {
    public static final EndOfData INSTANCE = new EndOfData();

    private EndOfData() {
    }

    @Override
    public String toString() {
        return "EndOfData";
    }
}
