package io.weir.checkpoint.storage;

import static io.weir.checkpoint.CheckpointingOptions.CHECKPOINTS_DIRECTORY;
import static io.weir.checkpoint.CheckpointingOptions.CHECKPOINT_STORAGE;
import static io.weir.checkpoint.CheckpointingOptions.CREATE_CHECKPOINT_SUB_DIR;
import static io.weir.checkpoint.CheckpointingOptions.FS_SMALL_FILE_THRESHOLD;
import static io.weir.checkpoint.CheckpointingOptions.FS_WRITE_BUFFER_SIZE;
import static io.weir.checkpoint.CheckpointingOptions.SAVEPOINT_DIRECTORY;

import io.weir.checkpoint.config.Configuration;
import java.nio.file.Path;
import java.util.Locale;

/** Creates the {@link CheckpointStorage} that {@code execution.checkpointing.storage} and {@code .dir} describe. */
public final class CheckpointStorages {
    private CheckpointStorages() {
    }

    /**
     * {@code jobmanager} or {@code filesystem}; unset: filesystem when a directory is set, else
     * jobmanager (Flink's rule).
     *
     * @throws IllegalArgumentException naming the key for an unknown storage, a filesystem storage
     *     without directory, an unsupported URI scheme or an inline threshold above 1 mb
     */
    public static CheckpointStorage fromConfiguration(Configuration c, String jobId) {
        String dir = c.get(CHECKPOINTS_DIRECTORY);
        String kind = c.get(CHECKPOINT_STORAGE);
        if (kind == null) {
            kind = dir != null ? "filesystem" : "jobmanager";
        }
        long threshold = c.get(FS_SMALL_FILE_THRESHOLD);
        if (threshold > 1 << 20) {
            throw new IllegalArgumentException("'" + FS_SMALL_FILE_THRESHOLD.key() + "' must be at most 1 mb, got " + threshold + " bytes");
        }
        switch (kind.trim().toLowerCase(Locale.ROOT)) {
            case "jobmanager":
                return new JobManagerCheckpointStorage(jobId, JobManagerCheckpointStorage.DEFAULT_MAX_STATE_SIZE);
            case "filesystem":
                if (dir == null) {
                    throw new IllegalArgumentException("'" + CHECKPOINT_STORAGE.key() + "' = 'filesystem' needs a checkpoint directory: set '"
                        + CHECKPOINTS_DIRECTORY.key() + "'");
                }
                Path base = CheckpointPaths.toLocalPath(dir, "'" + CHECKPOINTS_DIRECTORY.key() + "'");
                String savepoints = c.get(SAVEPOINT_DIRECTORY);
                Path savepointDir = savepoints == null ? null
                    : CheckpointPaths.toLocalPath(savepoints, "'" + SAVEPOINT_DIRECTORY.key() + "'");
                return new FileSystemCheckpointStorage(jobId, base, savepointDir, c.get(CREATE_CHECKPOINT_SUB_DIR), (int) threshold,
                    c.get(FS_WRITE_BUFFER_SIZE));
            default:
                throw new IllegalArgumentException("Unknown checkpoint storage '" + kind + "' in '" + CHECKPOINT_STORAGE.key()
                    + "' (expected 'jobmanager' or 'filesystem')");
        }
    }
}
