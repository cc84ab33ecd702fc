package io.weir.checkpoint.coordinator;

import io.weir.checkpoint.metadata.CheckpointKind;

/**
 * The job as the coordinator talks to it; implemented by {@code runtime/}. All methods are called
 * on the coordinator thread and must not block: they post mailbox letters to tasks and return.
 *
 * <p>Order for one checkpoint n: {@link #currentPlan()} → {@link #triggerCheckpoint} (sources take
 * their snapshot and emit barrier n) → tasks acknowledge or decline through
 * {@link CheckpointCoordinator#acknowledge} / {@link CheckpointCoordinator#decline} → exactly one of
 * {@link #notifyCheckpointComplete} (after {@code _metadata} is durable; two-phase-commit sinks
 * commit) or {@link #notifyCheckpointAborted}. {@link #failJob} when more than
 * {@code tolerable-failed-checkpoints} consecutive checkpoints failed.
 */
public interface CheckpointTriggerTarget {

    /** The tasks that must acknowledge a checkpoint triggered now, and the job's operators. */
    CheckpointPlan currentPlan();

    /**
     * Triggers checkpoint {@code checkpointId} at the sources.
     *
     * @throws Exception if the trigger could not be delivered (the checkpoint then fails)
     */
    void triggerCheckpoint(long checkpointId, long timestamp, CheckpointKind kind) throws Exception;

    /**
     * Triggers checkpoint {@code checkpointId}, whose exclusive state belongs in {@code location}
     * (what the coordinator calls; by default the location is not needed).
     *
     * @throws Exception if the trigger could not be delivered (the checkpoint then fails)
     */
    default void triggerCheckpoint(long checkpointId, long timestamp, CheckpointKind kind,
                                   io.weir.checkpoint.storage.CheckpointStorageLocation location) throws Exception {
        triggerCheckpoint(checkpointId, timestamp, kind);
    }

    /** Checkpoint {@code checkpointId} is complete and durable. */
    void notifyCheckpointComplete(long checkpointId);

    /** Checkpoint {@code checkpointId} will never complete; tasks drop what they prepared for it. */
    void notifyCheckpointAborted(long checkpointId);

    /** Too many checkpoints failed in a row: fail the job over (the restart strategy decides what next). */
    void failJob(Throwable cause);
}
