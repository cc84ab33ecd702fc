package io.weir.checkpoint.storage;

import io.weir.checkpoint.metadata.CheckpointMetadata;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code execution.checkpointing.storage: filesystem}. Layout (with {@code create-subdir}, else
 * without the {@code <job-id>} level):
 * <pre>
 * &lt;dir&gt;/&lt;job-id&gt;/chk-&lt;n&gt;/_metadata   completed checkpoint n, plus its exclusive state files
 * &lt;dir&gt;/&lt;job-id&gt;/shared/               files shared between incremental checkpoints
 * &lt;dir&gt;/&lt;job-id&gt;/taskowned/            files owned by tasks, never deleted by the coordinator
 * &lt;savepoint-dir&gt;/savepoint-&lt;job&gt;-&lt;random&gt;/_metadata   a savepoint, with its state files
 * </pre>
 * State below {@code data-inline-threshold} stays inline in {@code _metadata}.
 */
public final class FileSystemCheckpointStorage implements CheckpointStorage {
    private final String jobId;
    private final Path checkpointsDirectory;
    private final Path sharedDirectory;
    private final Path taskOwnedDirectory;
    private final Path defaultSavepointDirectory;
    private final int inlineThreshold;
    private final int writeBufferSize;

    /**
     * @param baseDirectory            {@code execution.checkpointing.dir}
     * @param defaultSavepointDirectory {@code execution.checkpointing.savepoint-dir}, may be null
     * @param createSubdir             {@code execution.checkpointing.create-subdir}
     * @param inlineThreshold          {@code execution.checkpointing.data-inline-threshold} in bytes
     * @param writeBufferSize          {@code execution.checkpointing.write-buffer-size} in bytes
     */
    public FileSystemCheckpointStorage(String jobId, Path baseDirectory, Path defaultSavepointDirectory,
                                       boolean createSubdir, int inlineThreshold, int writeBufferSize) {
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        this.checkpointsDirectory = createSubdir ? baseDirectory.resolve(jobId) : baseDirectory;
        this.sharedDirectory = checkpointsDirectory.resolve(CheckpointPaths.SHARED_STATE_DIR);
        this.taskOwnedDirectory = checkpointsDirectory.resolve(CheckpointPaths.TASK_OWNED_STATE_DIR);
        this.defaultSavepointDirectory = defaultSavepointDirectory;
        this.inlineThreshold = inlineThreshold;
        this.writeBufferSize = writeBufferSize;
    }

    @Override
    public String jobId() {
        return jobId;
    }

    /** {@code <dir>/<job-id>} (or {@code <dir>} without create-subdir). */
    public Path checkpointsDirectory() {
        return checkpointsDirectory;
    }

    public Path sharedStateDirectory() {
        return sharedDirectory;
    }

    public Path taskOwnedStateDirectory() {
        return taskOwnedDirectory;
    }

    @Override
    public CheckpointStorageLocation initializeLocationForCheckpoint(long checkpointId) throws IOException {
        Files.createDirectories(sharedDirectory);
        Files.createDirectories(taskOwnedDirectory);
        Path dir = checkpointsDirectory.resolve(CheckpointPaths.checkpointDirName(checkpointId));
        Files.createDirectories(dir);
        return new FsLocation(checkpointId, dir);
    }

    @Override
    public CheckpointStorageLocation initializeLocationForSavepoint(long checkpointId, String targetDirectory) throws IOException {
        Path parent = targetDirectory != null ? CheckpointPaths.toLocalPath(targetDirectory, "savepoint target directory")
            : defaultSavepointDirectory;
        if (parent == null) {
            throw new IllegalArgumentException("No savepoint directory: give one or set 'execution.checkpointing.savepoint-dir'");
        }
        return new FsLocation(checkpointId, createSavepointDirectory(parent));
    }

    private Path createSavepointDirectory(Path parent) throws IOException {
        Files.createDirectories(parent);
        String prefix = CheckpointPaths.SAVEPOINT_DIR_PREFIX + jobId.substring(0, Math.min(6, jobId.length())) + "-";
        for (int attempt = 0; attempt < 10; attempt++) {
            Path dir = parent.resolve(prefix + String.format("%012x", ThreadLocalRandom.current().nextLong(1L << 48)));
            try {
                return Files.createDirectory(dir);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // try another random name
            }
        }
        throw new IOException("could not create a unique savepoint directory in " + parent);
    }

    @Override
    public CheckpointStreamFactory sharedStateStreamFactory() {
        return new FileStateStreamFactory(sharedDirectory, 0, writeBufferSize);
    }

    @Override
    public CheckpointStreamFactory taskOwnedStateStreamFactory() {
        return new FileStateStreamFactory(taskOwnedDirectory, 0, writeBufferSize);
    }

    @Override
    public CheckpointMetadata resolveCheckpoint(String pointer) throws IOException {
        return MetadataFiles.read(CheckpointPaths.resolveMetadataFile(pointer));
    }

    @Override
    public void discardCompletedCheckpoint(String pointer) throws IOException {
        deleteRecursively(CheckpointPaths.toLocalPath(pointer, "checkpoint pointer"));
    }

    @Override
    public boolean isPersistent() {
        return true;
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private final class FsLocation implements CheckpointStorageLocation {
        private final long checkpointId;
        private final Path directory;

        FsLocation(long checkpointId, Path directory) {
            this.checkpointId = checkpointId;
            this.directory = directory;
        }

        @Override
        public long checkpointId() {
            return checkpointId;
        }

        @Override
        public CheckpointStreamFactory exclusiveStateStreamFactory() {
            return new FileStateStreamFactory(directory, inlineThreshold, writeBufferSize);
        }

        @Override
        public String finalizeCheckpoint(CheckpointMetadata metadata) throws IOException {
            MetadataFiles.writeAtomically(directory, metadata);
            return pointer();
        }

        @Override
        public void disposeOnFailure() throws IOException {
            deleteRecursively(directory);
        }

        @Override
        public String pointer() {
            return directory.toAbsolutePath().toString();
        }

        @Override
        public String toString() {
            return "FsLocation{" + directory + "}";
        }
    }
}
