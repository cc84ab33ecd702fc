package io.weir.runtime.checkpointing;

import io.weir.checkpoint.CheckpointingOptions;
import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.coordinator.CheckpointConfig;
import io.weir.checkpoint.coordinator.CheckpointStatsSnapshot;
import io.weir.checkpoint.coordinator.restart.RestartStrategies;
import io.weir.checkpoint.coordinator.restart.RestartStrategy;
import io.weir.checkpoint.storage.CheckpointStorage;
import io.weir.checkpoint.storage.CheckpointPaths;
import io.weir.checkpoint.storage.CheckpointStorages;
import io.weir.checkpoint.storage.FileSystemCheckpointStorage;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import io.weir.runtime.cluster.JobClient;
import io.weir.runtime.cluster.LocalCluster;
import io.weir.runtime.cluster.RestoreProvider;
import io.weir.runtime.graph.JobGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Submits a job with the checkpointing, restart and recovery settings of its configuration
 * ({@link JobGraph#configuration()}):
 * <ul>
 *   <li>{@code execution.checkpointing.*} (validated by {@link CheckpointConfig#fromConfiguration}):
 *       periodic checkpoints into {@code <dir>/<job-id>/chk-<n>/_metadata}; two-phase-commit sinks
 *       commit when a checkpoint completes; a bounded job takes a final checkpoint when all its
 *       tasks finished (immediately, not at the next interval);</li>
 *   <li>{@code restart-strategy.*}: failover from the latest completed checkpoint;</li>
 *   <li>{@code execution.state-recovery.path} (fallback {@code execution.savepoint.path}) with
 *       {@code execution.state-recovery.ignore-unclaimed-state}: the first attempt starts from it;</li>
 *   <li>{@code execution.checkpointing.savepoint-dir}: savepoints can be taken
 *       ({@link #triggerSavepoint}, {@link #stopWithSavepoint}).</li>
 * </ul>
 * Without any of them the job is submitted plainly. Thread-safe (static).
 */
public final class CheckpointedJobs {
    private CheckpointedJobs() {
    }

    /** Submits with a new random job id. */
    public static JobClient submit(LocalCluster cluster, JobGraph graph) {
        return submit(cluster, graph, UUID.randomUUID().toString().replace("-", ""));
    }

    /**
     * Submits {@code graph} as job {@code jobId} (the checkpoint directory's {@code <job-id>}).
     *
     * @throws IllegalArgumentException for invalid checkpointing, storage or restart settings, naming the key
     * @throws UncheckedIOException when the restore path is missing, truncated, corrupt or foreign (naming the file)
     * @throws IllegalStateException when the checkpoint does not match the job (naming the operator uid)
     */
    public static JobClient submit(LocalCluster cluster, JobGraph graph, String jobId) {
        Configuration c = graph.configuration();
        CheckpointConfig config = CheckpointConfig.fromConfiguration(c);
        String restorePath = c.get(CheckpointingOptions.STATE_RECOVERY_PATH);
        boolean restartConfigured = c.get(CheckpointingOptions.RESTART_STRATEGY_TYPE) != null;
        boolean savepointsConfigured = c.get(CheckpointingOptions.SAVEPOINT_DIRECTORY) != null;
        if (!config.isCheckpointingEnabled() && restorePath == null && !restartConfigured && !savepointsConfigured) {
            return cluster.submit(graph, jobId, RestoreProvider.NONE);
        }
        CheckpointStorage storage = CheckpointStorages.fromConfiguration(c, jobId);
        RestartStrategy restart = RestartStrategies.fromConfiguration(c, config.isCheckpointingEnabled(), new Random());
        RecoverableJob job = new RecoverableJob(cluster, graph, jobId, config, storage, savepointStorage(c, jobId, storage), restart);
        try {
            job.start(restorePath, c.get(CheckpointingOptions.STATE_RECOVERY_IGNORE_UNCLAIMED_STATE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restore job '" + graph.name() + "' from '" + restorePath + "' ('"
                + CheckpointingOptions.STATE_RECOVERY_PATH.key() + "'): " + e.getMessage(), e);
        }
        return job;
    }

    /**
     * Where savepoints go: the job's filesystem storage (its {@code savepoint-dir}), or, when
     * checkpoints are kept in memory, a filesystem storage used only for savepoints in
     * {@code execution.checkpointing.savepoint-dir} (savepoints are always files the user owns).
     */
    private static CheckpointStorage savepointStorage(Configuration c, String jobId, CheckpointStorage checkpoints) {
        String dir = c.get(CheckpointingOptions.SAVEPOINT_DIRECTORY);
        if (checkpoints instanceof FileSystemCheckpointStorage || dir == null) {
            return checkpoints;
        }
        Path savepoints = CheckpointPaths.toLocalPath(dir, "'" + CheckpointingOptions.SAVEPOINT_DIRECTORY.key() + "'");
        // the checkpoint directory argument is never used: this storage only creates savepoint locations
        return new FileSystemCheckpointStorage(jobId, savepoints, savepoints, false,
            c.get(CheckpointingOptions.FS_SMALL_FILE_THRESHOLD).intValue(), c.get(CheckpointingOptions.FS_WRITE_BUFFER_SIZE));
    }

    /**
     * Takes a savepoint of a running job into {@code targetDirectory} (null: the configured
     * {@code execution.checkpointing.savepoint-dir}); the job keeps running. Completes with the
     * savepoint's path (what {@code -s} and {@code execution.state-recovery.path} accept), or
     * exceptionally with an {@link IllegalStateException} saying why (Flink's "No savepoint
     * directory configured" when there is no directory).
     */
    public static CompletableFuture<String> triggerSavepoint(JobClient job, String targetDirectory) {
        return savepoint(job, targetDirectory, false);
    }

    /**
     * Stops a job with a final savepoint: periodic checkpoints stop, the savepoint is taken (its
     * two-phase-commit sinks commit up to it), then the job is stopped and ends FINISHED; completes
     * with the savepoint's path once the job ended. If the savepoint fails the job keeps running.
     * Output after the savepoint is not committed, so a job restarted from the savepoint continues
     * the committed output without loss or duplicates.
     */
    public static CompletableFuture<String> stopWithSavepoint(JobClient job, String targetDirectory) {
        return savepoint(job, targetDirectory, true);
    }

    private static CompletableFuture<String> savepoint(JobClient job, String targetDirectory, boolean stop) {
        if (job.status().isTerminal()) {
            return CompletableFuture.failedFuture(new IllegalStateException("Job " + job.jobId() + " is not running ("
                + job.status() + ")"));
        }
        if (!(job instanceof RecoverableJob r) || (targetDirectory == null && !r.hasSavepointDirectory())) {
            return CompletableFuture.failedFuture(new IllegalStateException(NO_SAVEPOINT_DIRECTORY));
        }
        return r.triggerSavepoint(targetDirectory, stop);
    }

    /** Flink's message, with Weir's key. */
    public static final String NO_SAVEPOINT_DIRECTORY = "No savepoint directory configured. You can either specify a directory "
        + "when triggering this savepoint or configure a default via key '" + CheckpointingOptions.SAVEPOINT_DIRECTORY.key()
        + "' (set it before the job is submitted).";

    /** The checkpoint statistics of a job submitted here with checkpointing, or empty. */
    public static Optional<CheckpointStatsSnapshot> checkpointStats(JobClient job) {
        return job instanceof RecoverableJob r ? Optional.of(r.checkpointStats()) : Optional.empty();
    }

    /** The failures of a job's attempts so far (each caused a restart, or the job's failure), oldest first. */
    public static java.util.List<Throwable> attemptFailures(JobClient job) {
        return job instanceof RecoverableJob r ? r.attemptFailures() : job.failure().<java.util.List<Throwable>>map(java.util.List::of)
            .orElse(java.util.List.of());
    }

    /** How often a job submitted here was restarted after failures (0 for plain jobs). */
    public static int restartCount(JobClient job) {
        return job instanceof RecoverableJob r ? r.restartCount() : 0;
    }
}
