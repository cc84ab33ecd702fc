package io.weir.checkpoint.storage;

import io.weir.checkpoint.metadata.CheckpointMetadata;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import java.io.IOException;

/**
 * The place of one pending checkpoint or savepoint. Tasks write their exclusive state through
 * {@link #exclusiveStateStreamFactory()} (any thread); the coordinator then either
 * {@link #finalizeCheckpoint finalizes} it, which makes it complete, or
 * {@link #disposeOnFailure() disposes} it when the checkpoint is aborted.
 */
public interface CheckpointStorageLocation {

    long checkpointId();

    /** Streams for state that belongs only to this checkpoint; small state stays inline. */
    CheckpointStreamFactory exclusiveStateStreamFactory();

    /**
     * Durably writes {@code _metadata} (atomically: temp name, fsync, rename) and returns the
     * pointer by which the checkpoint can be found again (for filesystem storage, the directory).
     * The checkpoint is complete once this returns.
     */
    String finalizeCheckpoint(CheckpointMetadata metadata) throws IOException;

    /** Deletes everything written here for a checkpoint that will never complete. Idempotent. */
    void disposeOnFailure() throws IOException;

    /** The pointer this location will have once finalized. */
    String pointer();
}
