package io.weir.checkpoint.metadata;

/** Whether a completed snapshot is a system-owned checkpoint or a user-owned savepoint. */
public enum CheckpointKind {
    CHECKPOINT,
    SAVEPOINT
}
