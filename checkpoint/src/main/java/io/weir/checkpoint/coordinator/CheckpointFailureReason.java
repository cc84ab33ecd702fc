package io.weir.checkpoint.coordinator;

/**
 * Why a checkpoint did not complete. Only failures of the checkpoint itself count towards
 * {@code tolerable-failed-checkpoints} (Flink's rule); a checkpoint that could not start or was
 * cut short by the job itself does not.
 */
public enum CheckpointFailureReason {
    CHECKPOINT_EXPIRED("Checkpoint expired before completing ('execution.checkpointing.timeout')", true),
    CHECKPOINT_DECLINED("A task declined the checkpoint", true),
    IO_EXCEPTION("An I/O error occurred while writing the checkpoint", true),
    FINALIZE_CHECKPOINT_FAILURE("Writing the checkpoint's _metadata failed", true),
    TRIGGER_FAILURE("Triggering the checkpoint at the sources failed", true),
    NOT_ALL_REQUIRED_TASKS_RUNNING("Some tasks finished and 'execution.checkpointing.checkpoints-after-tasks-finish' is false", false),
    TOO_MANY_CHECKPOINT_REQUESTS("Too many checkpoints in progress ('execution.checkpointing.max-concurrent-checkpoints')", false),
    CHECKPOINT_SUBSUMED("A newer checkpoint completed first", false),
    JOB_FAILOVER("The job is failing over", false),
    COORDINATOR_SHUTDOWN("The checkpoint coordinator is shut down", false);

    private final String message;
    private final boolean countsAsFailure;

    CheckpointFailureReason(String message, boolean countsAsFailure) {
        this.message = message;
        this.countsAsFailure = countsAsFailure;
    }

    public String message() {
        return message;
    }

    /** Whether this failure counts towards {@code tolerable-failed-checkpoints}. */
    public boolean countsAsFailure() {
        return countsAsFailure;
    }
}
