package io.weir.checkpoint.coordinator;

import io.weir.checkpoint.metadata.CheckpointMetadata;
import io.weir.checkpoint.metadata.OperatorState;
import io.weir.checkpoint.storage.CheckpointStorage;
import java.io.IOException;
import java.util.Objects;

/**
 * A checkpoint whose {@code _metadata} is durably written: its metadata, the pointer to find it
 * again (the {@code chk-<n>} directory for filesystem storage) and the storage that holds it.
 */
public final class CompletedCheckpoint {
    private final CheckpointMetadata metadata;
    private final String pointer;
    private final CheckpointStorage storage;

    public CompletedCheckpoint(CheckpointMetadata metadata, String pointer, CheckpointStorage storage) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.pointer = Objects.requireNonNull(pointer, "pointer");
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    public long checkpointId() {
        return metadata.checkpointId();
    }

    public CheckpointMetadata metadata() {
        return metadata;
    }

    /** Where the checkpoint is: what {@code -s <path>} / {@code execution.state-recovery.path} accepts. */
    public String pointer() {
        return pointer;
    }

    /**
     * Deletes the state this checkpoint owns (exclusive and private files) and its directory. Shared
     * files are the registry's: release them there first. Called on the I/O executor.
     */
    void discardOwnedState() throws IOException {
        IOException failure = null;
        for (OperatorState op : metadata.operatorStates()) {
            try {
                op.discardState();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        storage.discardCompletedCheckpoint(pointer);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "CompletedCheckpoint{" + metadata.checkpointId() + " at " + pointer + "}";
    }
}
