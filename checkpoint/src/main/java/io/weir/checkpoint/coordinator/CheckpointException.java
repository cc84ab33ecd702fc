package io.weir.checkpoint.coordinator;

/** A checkpoint failed, or too many failed; carries the {@link CheckpointFailureReason}. */
public final class CheckpointException extends Exception {
    private static final long serialVersionUID = 1L;
    private final CheckpointFailureReason reason;

    public CheckpointException(CheckpointFailureReason reason, String detail, Throwable cause) {
        super(reason.message() + (detail == null || detail.isEmpty() ? "" : ": " + detail), cause);
        this.reason = reason;
    }

    public CheckpointException(String message) {
        super(message);
        this.reason = null;
    }

    /** The reason of a single checkpoint's failure; null for "too many failures". */
    public CheckpointFailureReason reason() {
        return reason;
    }
}
