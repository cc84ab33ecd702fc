package io.weir.runtime.checkpointing;

import io.weir.checkpoint.CheckpointingOptions;
import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.coordinator.CheckpointConfig;
import io.weir.checkpoint.coordinator.CheckpointStatsSnapshot;
import io.weir.checkpoint.coordinator.restart.RestartStrategies;
import io.weir.checkpoint.coordinator.restart.RestartStrategy;
import io.weir.checkpoint.storage.CheckpointStorage;
import io.weir.checkpoint.storage.CheckpointStorages;
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
 *       {@code execution.state-recovery.ignore-unclaimed-state}: the first attempt starts from it.</li>
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
        if (!config.isCheckpointingEnabled() && restorePath == null && !restartConfigured) {
            return cluster.submit(graph, jobId, RestoreProvider.NONE);
        }
        CheckpointStorage storage = CheckpointStorages.fromConfiguration(c, jobId);
        RestartStrategy restart = RestartStrategies.fromConfiguration(c, config.isCheckpointingEnabled(), new Random());
        RecoverableJob job = new RecoverableJob(cluster, graph, jobId, config, storage, restart);
        try {
            job.start(restorePath, c.get(CheckpointingOptions.STATE_RECOVERY_IGNORE_UNCLAIMED_STATE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restore job '" + graph.name() + "' from '" + restorePath + "' ('"
                + CheckpointingOptions.STATE_RECOVERY_PATH.key() + "'): " + e.getMessage(), e);
        }
        return job;
    }

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
