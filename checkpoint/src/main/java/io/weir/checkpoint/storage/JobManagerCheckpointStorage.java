package io.weir.checkpoint.storage;

import io.weir.checkpoint.metadata.CheckpointMetadata;
import io.weir.checkpoint.metadata.MetadataSerializer;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import io.weir.checkpoint.state.snapshot.MemoryCheckpointStreamFactory;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code execution.checkpointing.storage: jobmanager}: all state inline, completed checkpoints kept
 * in memory as serialized {@code _metadata} bytes (so the format is exercised and the checkpoint is
 * decoupled from live objects). Lost with the process; each stream is limited to
 * {@code maxStateSize} bytes (Flink's default 5 mb). Pointers look like {@code jobmanager://<job>/chk-<n>}.
 */
public final class JobManagerCheckpointStorage implements CheckpointStorage {
    public static final int DEFAULT_MAX_STATE_SIZE = 5 << 20;
    private static final String SCHEME = "jobmanager://";

    private final String jobId;
    private final int maxStateSize;
    private final Map<String, byte[]> completed = new ConcurrentHashMap<>();

    public JobManagerCheckpointStorage(String jobId, int maxStateSize) {
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        this.maxStateSize = maxStateSize;
    }

    @Override
    public String jobId() {
        return jobId;
    }

    @Override
    public CheckpointStorageLocation initializeLocationForCheckpoint(long checkpointId) {
        return new MemoryLocation(checkpointId, SCHEME + jobId + "/" + CheckpointPaths.checkpointDirName(checkpointId));
    }

    @Override
    public CheckpointStorageLocation initializeLocationForSavepoint(long checkpointId, String targetDirectory) {
        return new MemoryLocation(checkpointId, SCHEME + jobId + "/savepoint-" + checkpointId);
    }

    @Override
    public CheckpointStreamFactory sharedStateStreamFactory() {
        return new MemoryCheckpointStreamFactory(maxStateSize);
    }

    @Override
    public CheckpointStreamFactory taskOwnedStateStreamFactory() {
        return new MemoryCheckpointStreamFactory(maxStateSize);
    }

    @Override
    public CheckpointMetadata resolveCheckpoint(String pointer) throws IOException {
        byte[] bytes = completed.get(pointer);
        if (bytes == null) {
            throw new FileNotFoundException("Cannot find checkpoint " + pointer + " (in-memory 'jobmanager' checkpoint storage keeps "
                + "checkpoints only while the job runs; use 'execution.checkpointing.storage' = 'filesystem' to restore later)");
        }
        return MetadataSerializer.deserialize(bytes, pointer, null);
    }

    @Override
    public void discardCompletedCheckpoint(String pointer) {
        completed.remove(pointer);
    }

    @Override
    public boolean isPersistent() {
        return false;
    }

    private final class MemoryLocation implements CheckpointStorageLocation {
        private final long checkpointId;
        private final String pointer;

        MemoryLocation(long checkpointId, String pointer) {
            this.checkpointId = checkpointId;
            this.pointer = pointer;
        }

        @Override
        public long checkpointId() {
            return checkpointId;
        }

        @Override
        public CheckpointStreamFactory exclusiveStateStreamFactory() {
            return new MemoryCheckpointStreamFactory(maxStateSize);
        }

        @Override
        public String finalizeCheckpoint(CheckpointMetadata metadata) throws IOException {
            if (completed.putIfAbsent(pointer, MetadataSerializer.serialize(metadata, null)) != null) {
                throw new IOException("checkpoint " + pointer + " was already finalized");
            }
            return pointer;
        }

        @Override
        public void disposeOnFailure() {
            completed.remove(pointer);
        }

        @Override
        public String pointer() {
            return pointer;
        }
    }
}
