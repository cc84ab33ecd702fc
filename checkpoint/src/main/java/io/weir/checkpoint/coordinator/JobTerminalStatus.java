package io.weir.checkpoint.coordinator;

/** How a job ended, which decides with {@code externalized-checkpoint-retention} whether retained checkpoints are kept. */
public enum JobTerminalStatus {
    FINISHED,
    CANCELED,
    FAILED,
    /** The coordinator stops but the job will be recovered (e.g. process shutdown); checkpoints are kept. */
    SUSPENDED
}
