package io.weir.checkpoint.storage;

import io.weir.checkpoint.metadata.CheckpointMetadata;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import java.io.IOException;

/**
 * Where one job's checkpoints and savepoints are stored, chosen by
 * {@code execution.checkpointing.storage} ({@link CheckpointStorages}).
 *
 * <p>Threads: the coordinator calls {@link #initializeLocationForCheckpoint},
 * {@link #initializeLocationForSavepoint} and {@link #discardCompletedCheckpoint} on its own thread;
 * tasks use the stream factories (of a location, {@link #sharedStateStreamFactory()},
 * {@link #taskOwnedStateStreamFactory()}) from their asynchronous snapshot threads, concurrently.
 * {@link #resolveCheckpoint} may be called from any thread.
 */
public interface CheckpointStorage {

    String jobId();

    /** Reserves the location of checkpoint {@code checkpointId} (for filesystem storage, creates {@code chk-<n>/}). */
    CheckpointStorageLocation initializeLocationForCheckpoint(long checkpointId) throws IOException;

    /**
     * Reserves a new savepoint directory under {@code targetDirectory}, or under
     * {@code execution.checkpointing.savepoint-dir} when null.
     *
     * @throws IllegalArgumentException when neither is given
     */
    CheckpointStorageLocation initializeLocationForSavepoint(long checkpointId, String targetDirectory) throws IOException;

    /** Streams for files shared between incremental checkpoints (filesystem: {@code shared/}). */
    CheckpointStreamFactory sharedStateStreamFactory();

    /** Streams for files owned by tasks, never deleted by the coordinator (filesystem: {@code taskowned/}). */
    CheckpointStreamFactory taskOwnedStateStreamFactory();

    /**
     * Reads the metadata of a completed checkpoint or savepoint from its pointer (what
     * {@link CheckpointStorageLocation#finalizeCheckpoint} returned, or a user-given path).
     *
     * @throws java.io.FileNotFoundException or {@link io.weir.checkpoint.metadata.MetadataFormatException}
     *     naming the file, when it is missing, truncated, corrupt or foreign
     */
    CheckpointMetadata resolveCheckpoint(String pointer) throws IOException;

    /**
     * Deletes what is left of a completed checkpoint after its state handles were discarded
     * ({@code _metadata} and the {@code chk-<n>} directory). Idempotent.
     */
    void discardCompletedCheckpoint(String pointer) throws IOException;

    /** Whether completed checkpoints survive the process (filesystem) or not (jobmanager). */
    boolean isPersistent();
}
