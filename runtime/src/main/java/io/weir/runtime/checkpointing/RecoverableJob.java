package io.weir.runtime.checkpointing;

import io.weir.checkpoint.coordinator.CheckpointConfig;
import io.weir.checkpoint.coordinator.CheckpointCoordinator;
import io.weir.checkpoint.coordinator.CheckpointFailureReason;
import io.weir.checkpoint.coordinator.CheckpointStatsSnapshot;
import io.weir.checkpoint.coordinator.Clock;
import io.weir.checkpoint.coordinator.CompletedCheckpoint;
import io.weir.checkpoint.coordinator.CoordinatorThread;
import io.weir.checkpoint.coordinator.JobTerminalStatus;
import io.weir.checkpoint.coordinator.TaskId;
import io.weir.checkpoint.coordinator.restart.RestartDecision;
import io.weir.checkpoint.coordinator.restart.RestartStrategy;
import io.weir.checkpoint.metadata.CheckpointMetadata;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import io.weir.checkpoint.state.snapshot.MemoryCheckpointStreamFactory;
import io.weir.checkpoint.storage.CheckpointStorage;
import io.weir.checkpoint.storage.FileSystemCheckpointStorage;
import io.weir.runtime.cluster.CheckpointSetup;
import io.weir.runtime.cluster.JobClient;
import io.weir.runtime.cluster.JobFailure;
import io.weir.runtime.cluster.JobStatus;
import io.weir.runtime.cluster.LocalCluster;
import io.weir.runtime.cluster.OperatorMetricsSnapshot;
import io.weir.runtime.cluster.RestoreProvider;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.tasks.OperatorSnapshot;
import io.weir.runtime.tasks.TaskEnvironment;
import io.weir.checkpoint.barrier.AlignmentMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A job that survives task failures: one logical job (one id, one {@link JobClient}) over a
 * sequence of attempts on a {@link LocalCluster}. A {@link CheckpointCoordinator} checkpoints the
 * running attempt; when an attempt fails, the restart strategy decides, and the next attempt is
 * restored from the latest completed checkpoint (or the initial restore path, or from scratch).
 * When the strategy gives up, the job fails with the attempt's {@link JobFailure}.
 *
 * <p>Threading: every coordinator call, attempt start and failover decision runs on the job's
 * {@link CoordinatorThread}; tasks hand their snapshots to the asynchronous snapshot pool, which
 * posts acknowledgements back to that thread. The {@link JobClient} methods are thread-safe.
 */
final class RecoverableJob implements JobClient {
    private static final AtomicInteger POOLS = new AtomicInteger();
    /** Deletes discarded checkpoint files; shared by all jobs, outlives them (idle threads end after a minute). */
    private static final ExecutorService IO_POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "weir-checkpoint-io");
        t.setDaemon(true);
        return t;
    });

    private final LocalCluster cluster;
    private final JobGraph graph;
    private final String jobId;
    private final CheckpointConfig config;
    private final CheckpointStorage storage;
    private final RestartStrategy restartStrategy;
    private final CoordinatorThread thread;
    private final ExecutorService asyncPool;
    private final CheckpointCoordinator coordinator;
    private final JobCheckpointTarget target;
    private final LocalRecovery localRecovery;
    private final io.weir.checkpoint.storage.FileMergingManager fileMerging;
    private final CompletableFuture<JobStatus> termination = new CompletableFuture<>();
    private final AtomicInteger restarts = new AtomicInteger();
    private final java.util.concurrent.CopyOnWriteArrayList<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile JobClient attempt;
    private volatile JobStatus status = JobStatus.CREATED;
    private volatile JobFailure failure;
    private CheckpointMetadata initialRestore;
    private Throwable checkpointFailure;
    private boolean cancelRequested;
    private boolean finalCheckpointTriggered;
    private boolean stopping;
    private boolean stoppedWithSavepoint;
    /** Whether a source reported backlog at the last look (polled every 20 ms with the finish watch). */
    private boolean backlog;
    private volatile CheckpointStatsSnapshot finalStats;
    private volatile java.util.Map<String, Integer> finalSharedReferences;

    RecoverableJob(LocalCluster cluster, JobGraph graph, String jobId, CheckpointConfig config, CheckpointStorage storage,
                   CheckpointStorage savepointStorage, RestartStrategy restartStrategy) {
        this.cluster = cluster;
        this.graph = graph;
        this.jobId = jobId;
        this.config = config;
        this.storage = storage;
        this.restartStrategy = restartStrategy;
        this.thread = new CoordinatorThread(jobId);
        int n = POOLS.incrementAndGet();
        this.asyncPool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "weir-async-snapshots-" + n);
            t.setDaemon(true);
            return t;
        });
        this.localRecovery = config.isLocalBackupEnabled() ? new LocalRecovery(graph.configuration(), jobId, graph) : null;
        this.fileMerging = config.isFileMergingEnabled() && storage instanceof FileSystemCheckpointStorage fs
            ? new io.weir.checkpoint.storage.FileMergingManager(fs.taskOwnedStateDirectory(), fs.sharedStateDirectory(),
                (int) config.inlineThresholdBytes(), graph.configuration())
            : null;
        this.target = new JobCheckpointTarget(graph, cause -> thread.execute(() -> failOver(cause)),
            config.isIncremental() ? storage.sharedStateStreamFactory() : null, localRecovery, IO_POOL, fileMerging);
        this.coordinator = new CheckpointCoordinator(jobId, config, storage, savepointStorage, target, thread, Clock.SYSTEM,
            IO_POOL, e -> { });
    }

    /**
     * Restores from {@code restorePath} (null: none) and starts the first attempt; returns once it
     * runs. Caller thread; throws what restoring threw (naming the file or operator).
     */
    void start(String restorePath, boolean ignoreUnclaimedState) throws IOException {
        CompletableFuture<Void> started = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                if (restorePath != null) {
                    initialRestore = coordinator.restoreFromPath(restorePath, ignoreUnclaimedState);
                }
                launchAttempt(initialRestore);
                started.complete(null);
            } catch (Throwable t) {
                started.completeExceptionally(t);
            }
        });
        try {
            started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting job " + jobId, e);
        } catch (ExecutionException e) {
            close();
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }

    // ---------------------------------------------------------------- attempts (coordinator thread)

    private void launchAttempt(CheckpointMetadata restore) {
        RestoreProvider provider = restore == null ? RestoreProvider.NONE : new CheckpointRestoreProvider(restore, localRecovery);
        TaskEnvironment.CheckpointResponder responder = new TaskEnvironment.CheckpointResponder() {
            @Override
            public void acknowledge(String vertexUid, int subtask, long checkpointId, List<OperatorSnapshot> snapshots) {
                onSnapshots(vertexUid, subtask, checkpointId, snapshots, null);
            }

            @Override
            public void acknowledge(String vertexUid, int subtask, long checkpointId, List<OperatorSnapshot> snapshots,
                                    AlignmentMetrics alignment) {
                onSnapshots(vertexUid, subtask, checkpointId, snapshots, alignment);
            }
        };
        CheckpointSetup setup = new CheckpointSetup(new MemoryCheckpointStreamFactory(), responder,
            config.isCheckpointingEnabled() && config.checkpointsAfterTasksFinish(), target::streamsFor);
        JobClient a = cluster.submit(graph, jobId, provider, setup);
        attempt = a;
        finalCheckpointTriggered = false;
        checkpointFailure = null;
        target.attach(cluster.checkpointControl(a));
        status = JobStatus.RUNNING;
        a.terminationFuture().whenComplete((s, e) -> thread.execute(() -> onAttemptEnded(a, e)));
        if (!stopping) {
            coordinator.startCheckpointScheduler();
        }
        if (config.isCheckpointingEnabled()) {
            thread.schedule(() -> watchForFinish(a), 20);
        }
    }

    /** Bounded jobs: once every task finished, trigger the final checkpoint now rather than at the next interval. */
    private void watchForFinish(JobClient a) {
        if (a != attempt || a.status().isTerminal()) {
            return;
        }
        for (TaskId ended : target.endedTasks()) {
            coordinator.taskEnded(ended);
        }
        boolean backlog = target.anySourceInBacklog();
        if (backlog != this.backlog) {
            this.backlog = backlog;
            coordinator.setBacklog(backlog);
        }
        if (!finalCheckpointTriggered && !stopping && target.allTasksFinished() && coordinator.numberOfPendingCheckpoints() == 0) {
            finalCheckpointTriggered = true;
            coordinator.triggerCheckpoint().whenComplete((c, e) -> {
                if (e != null) {
                    thread.execute(() -> finalCheckpointTriggered = false);
                }
            });
        }
        thread.schedule(() -> watchForFinish(a), 20);
    }

    private void onAttemptEnded(JobClient a, Throwable error) {
        if (a != attempt) {
            return;
        }
        target.attach(null);
        coordinator.stopCheckpointScheduler();
        coordinator.abortPendingCheckpoints(CheckpointFailureReason.JOB_FAILOVER);
        if (cancelRequested) {
            finish(stoppedWithSavepoint ? JobStatus.FINISHED : JobStatus.CANCELED, null);
        } else if (error == null && checkpointFailure == null) {
            finish(JobStatus.FINISHED, null);
        } else {
            JobFailure cause = error instanceof JobFailure f ? f
                : new JobFailure(graph.name(), "checkpoint coordinator", 0, 1, error != null ? error : checkpointFailure);
            if (failures.size() < 100) {
                failures.add(cause);
            }
            RestartDecision decision = restartStrategy.onFailure(System.currentTimeMillis());
            if (!decision.restart()) {
                cause.addSuppressed(new IllegalStateException("not restarted: " + decision.reason()));
                finish(JobStatus.FAILED, cause);
                return;
            }
            status = JobStatus.RUNNING;
            restarts.incrementAndGet();
            thread.schedule(this::restart, decision.delayMillis());
        }
    }

    private void restart() {
        if (cancelRequested) {
            finish(JobStatus.CANCELED, null);
            return;
        }
        Optional<CompletedCheckpoint> latest = coordinator.restoreLatestCheckpoint();
        try {
            launchAttempt(latest.map(CompletedCheckpoint::metadata).orElse(initialRestore));
        } catch (RuntimeException e) {
            finish(JobStatus.FAILED, new JobFailure(graph.name(), "restart", 0, 1, e));
        }
    }

    /** Too many checkpoints failed ({@code tolerable-failed-checkpoints}): cancel the attempt, then fail over. */
    private void failOver(Throwable cause) {
        JobClient a = attempt;
        if (a != null && checkpointFailure == null && !cancelRequested) {
            checkpointFailure = cause;
            a.cancel();
        }
    }

    private void finish(JobStatus end, JobFailure cause) {
        coordinator.shutdown(end == JobStatus.FINISHED ? JobTerminalStatus.FINISHED
            : end == JobStatus.CANCELED ? JobTerminalStatus.CANCELED : JobTerminalStatus.FAILED);
        finalStats = coordinator.stats();
        finalSharedReferences = coordinator.sharedStateRegistry().referenceCounts();
        failure = cause;
        status = end;
        if (localRecovery != null) {
            localRecovery.dispose();
        }
        if (fileMerging != null) {
            try {
                JobTerminalStatus terminal = end == JobStatus.FINISHED ? JobTerminalStatus.FINISHED
                    : end == JobStatus.CANCELED ? JobTerminalStatus.CANCELED : JobTerminalStatus.FAILED;
                fileMerging.close(io.weir.checkpoint.coordinator.CompletedCheckpointStore.shouldDiscard(terminal,
                    config.externalizedRetention()));
            } catch (IOException e) {
                // merged files that could not be closed stay on disk
            }
        }
        close();
        if (cause != null) {
            termination.completeExceptionally(cause);
        } else {
            termination.complete(end);
        }
    }

    private void close() {
        asyncPool.shutdown();
        thread.close();
    }

    // ---------------------------------------------------------------- snapshots (task threads, then async pool)

    private void onSnapshots(String vertexUid, int subtask, long checkpointId, List<OperatorSnapshot> snapshots,
                             AlignmentMetrics alignment) {
        TaskId task = new TaskId(vertexUid, subtask);
        CheckpointStreamFactory streams = target.streamsFor(checkpointId);
        if (streams == null) {
            streams = new MemoryCheckpointStreamFactory();
        }
        CheckpointStreamFactory s = streams;
        try {
            asyncPool.execute(() -> {
                try {
                    var ack = SnapshotAcks.complete(task, checkpointId, snapshots, 0, s, alignment);
                    if (localRecovery != null) {
                        localRecovery.store(task, checkpointId, ack.operatorStates());
                    }
                    try {
                        thread.execute(() -> coordinator.acknowledge(ack));
                    } catch (java.util.concurrent.RejectedExecutionException e) {
                        discardLateAck(ack);
                    }
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // the job ended meanwhile
                } catch (java.util.concurrent.CancellationException e) {
                    // the task ended (after its final checkpoint) and closed its backends before this ran
                    thread.execute(() -> coordinator.taskEnded(task));
                } catch (Throwable t) {
                    thread.execute(() -> coordinator.decline(task, checkpointId, t));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the job already ended; the snapshot is of no use
        }
    }

    // ---------------------------------------------------------------- savepoints (any thread; work on the coordinator thread)

    /** Whether {@code execution.checkpointing.savepoint-dir} is set for this job. */
    boolean hasSavepointDirectory() {
        return graph.configuration().get(io.weir.checkpoint.CheckpointingOptions.SAVEPOINT_DIRECTORY) != null;
    }

    /**
     * Takes a savepoint of the running job into {@code targetDirectory} (null: the configured
     * {@code execution.checkpointing.savepoint-dir}); completes with its path. With {@code stop},
     * periodic checkpoints stop first (so nothing is committed after the savepoint), and once the
     * savepoint completed the job is cancelled; the future then completes when the job ended
     * (Flink's stop-with-savepoint, without draining). If the savepoint fails, the job keeps
     * running and checkpointing as before.
     */
    CompletableFuture<String> triggerSavepoint(String targetDirectory, boolean stop) {
        CompletableFuture<String> result = new CompletableFuture<>();
        try {
            thread.execute(() -> startSavepoint(targetDirectory, stop, result));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("Job " + jobId + " is not running (" + status + ")"));
        }
        return result;
    }

    private void startSavepoint(String targetDirectory, boolean stop, CompletableFuture<String> result) {
        if (status.isTerminal() || cancelRequested || attempt == null || attempt.status().isTerminal()) {
            result.completeExceptionally(new IllegalStateException("Job " + jobId + " is not running (" + status() + ")"));
            return;
        }
        if (stopping) {
            result.completeExceptionally(new IllegalStateException("Job " + jobId + " is already stopping with a savepoint"));
            return;
        }
        if (stop) {
            stopping = true;
            coordinator.stopCheckpointScheduler();
        }
        coordinator.triggerSavepoint(targetDirectory).whenComplete((savepoint, error) -> thread.execute(() -> {
            if (error != null) {
                if (stop) {
                    stopping = false;
                    if (attempt != null && !attempt.status().isTerminal()) {
                        coordinator.startCheckpointScheduler();
                    }
                }
                Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
                result.completeExceptionally(new IllegalStateException("Savepoint of job " + jobId + " failed: "
                    + cause.getMessage(), cause));
            } else if (stop) {
                stoppedWithSavepoint = true;
                termination.whenComplete((s, e) -> result.complete(savepoint.pointer()));
                cancel();
            } else {
                result.complete(savepoint.pointer());
            }
        }));
    }

    /**
     * The job ended before this acknowledgement reached the coordinator: nothing will ever refer to
     * its state, so its files go, including new shared uploads (they were never registered; the
     * placeholders name files of completed checkpoints and are left alone).
     */
    private static void discardLateAck(io.weir.checkpoint.coordinator.CheckpointAck ack) {
        for (io.weir.checkpoint.metadata.OperatorSubtaskState s : ack.operatorStates().values()) {
            try {
                s.discardState();
                for (var h : s.incrementalKeyedState()) {
                    for (var f : h.sharedState()) {
                        f.handle().discardState();
                    }
                }
            } catch (IOException | RuntimeException e) {
                // best effort: the job is gone
            }
        }
    }

    // ---------------------------------------------------------------- JobClient

    @Override
    public String jobId() { return jobId; }

    @Override
    public String jobName() { return graph.name(); }

    @Override
    public JobStatus status() {
        JobStatus s = status;
        JobClient a = attempt;
        return s.isTerminal() || a == null || a.status().isTerminal() ? s : a.status();
    }

    @Override
    public CompletableFuture<JobStatus> terminationFuture() { return termination; }

    @Override
    public JobStatus await(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return termination.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw (JobFailure) e.getCause();
        }
    }

    @Override
    public void cancel() {
        try {
            thread.execute(() -> {
                if (status.isTerminal() || cancelRequested) {
                    return;
                }
                cancelRequested = true;
                status = JobStatus.CANCELLING;
                JobClient a = attempt;
                if (a != null && !a.status().isTerminal()) {
                    a.cancel();
                } else {
                    finish(JobStatus.CANCELED, null);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // already ended
        }
    }

    @Override
    public Optional<JobFailure> failure() { return Optional.ofNullable(failure); }

    @Override
    public List<OperatorMetricsSnapshot> metrics() {
        JobClient a = attempt;
        return a == null ? List.of() : a.metrics();
    }

    /** The failures of its attempts so far (the first 100), oldest first. */
    List<Throwable> attemptFailures() {
        return List.copyOf(failures);
    }

    /** File merging of this job, or null when {@code file-merging.enabled} is off. */
    io.weir.checkpoint.storage.FileMergingManager fileMerging() {
        return fileMerging;
    }

    /** Local recovery of this job, or null when {@code local-backup.enabled} is off. */
    LocalRecovery localRecovery() {
        return localRecovery;
    }

    /** How many times the job was restarted after a failure. */
    int restartCount() {
        return restarts.get();
    }

    /**
     * The shared-state registry's reference counts (registry key to number of retained checkpoints
     * using the file); at the end of the job, as they were when it ended. Any thread.
     */
    java.util.Map<String, Integer> sharedStateReferences() {
        if (finalSharedReferences != null) {
            return finalSharedReferences;
        }
        CompletableFuture<java.util.Map<String, Integer>> f = new CompletableFuture<>();
        try {
            thread.execute(() -> f.complete(coordinator.sharedStateRegistry().referenceCounts()));
            return f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("shared state of job " + jobId + " unavailable: " + e, e);
        }
    }

    /** The coordinator's statistics (counts, history); a copy, from any thread. */
    CheckpointStatsSnapshot checkpointStats() {
        if (finalStats != null) {
            return finalStats;
        }
        CompletableFuture<CheckpointStatsSnapshot> f = new CompletableFuture<>();
        try {
            thread.execute(() -> f.complete(coordinator.stats()));
            return f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("checkpoint statistics of job " + jobId + " unavailable: " + e, e);
        }
    }
}
