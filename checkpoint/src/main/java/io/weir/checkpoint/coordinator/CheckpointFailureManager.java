package io.weir.checkpoint.coordinator;

import java.util.Optional;

/**
 * Counts consecutive checkpoint failures that count ({@link CheckpointFailureReason#countsAsFailure()})
 * and says when there were more than {@code tolerable-failed-checkpoints}; a completed checkpoint
 * resets the count. Savepoint failures are the user's business and never count. Coordinator thread only.
 */
public final class CheckpointFailureManager {
    private final int tolerableFailures;
    private int consecutiveFailures;

    public CheckpointFailureManager(int tolerableFailures) {
        this.tolerableFailures = tolerableFailures;
    }

    /** Records a failed checkpoint; returns the exception to fail the job with when the threshold is exceeded. */
    public Optional<CheckpointException> onFailure(long checkpointId, CheckpointFailureReason reason, boolean savepoint) {
        if (savepoint || !reason.countsAsFailure()) {
            return Optional.empty();
        }
        consecutiveFailures++;
        if (consecutiveFailures <= tolerableFailures) {
            return Optional.empty();
        }
        int failures = consecutiveFailures;
        consecutiveFailures = 0;
        return Optional.of(new CheckpointException("Exceeded checkpoint tolerable failure threshold: " + failures
            + " consecutive checkpoints failed, 'execution.checkpointing.tolerable-failed-checkpoints' = " + tolerableFailures
            + "; the latest, checkpoint " + checkpointId + ", failed: " + reason.message()));
    }

    public void onSuccess() {
        consecutiveFailures = 0;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }
}
