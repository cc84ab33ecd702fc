package io.weir.checkpoint.coordinator;

import io.weir.checkpoint.metadata.CheckpointKind;
import io.weir.checkpoint.metadata.CheckpointMetadata;
import io.weir.checkpoint.metadata.OperatorState;
import io.weir.checkpoint.storage.CheckpointPaths;
import io.weir.checkpoint.storage.CheckpointStorage;
import io.weir.checkpoint.storage.CheckpointStorageLocation;
import io.weir.checkpoint.storage.MetadataFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Coordinates the checkpoints of one job (DESIGN.md section 6): triggers them at the sources,
 * collects acknowledgements, completes (durable {@code _metadata}, then notify the tasks, then
 * prune to {@code num-retained}) or aborts them, counts failures towards
 * {@code tolerable-failed-checkpoints}, and restores.
 *
 * <p>Threading: every public method must be called on the coordinator thread, the one that runs
 * the {@link CoordinatorScheduler}'s actions; the runtime posts task acknowledgements and declines
 * there. File deletions run on the I/O executor.
 *
 * <p>Maintenance notes: kept small by delegating timing to {@link CheckpointTriggerPolicy},
 * per-checkpoint bookkeeping to {@link PendingCheckpoint}, completion and cleanup to
 * {@link CheckpointCompleter}, retention to {@link CompletedCheckpointStore} and
 * {@link SharedStateRegistry}, failure counting to {@link CheckpointFailureManager} and statistics
 * to {@link CheckpointStatsTracker}. Manually triggered checkpoints and savepoints bypass the
 * periodic timing and {@code max-concurrent-checkpoints}, as in Flink.
 */
public final class CheckpointCoordinator {
    private final String jobId;
    private final CheckpointConfig config;
    private final CheckpointStorage storage;
    private final CheckpointStorage savepointStorage;
    private final CheckpointTriggerTarget target;
    private final CoordinatorScheduler scheduler;
    private final Clock clock;
    private final SharedStateRegistry registry;
    private final CompletedCheckpointStore store;
    private final CheckpointCompleter completer;
    private final CheckpointTriggerPolicy policy;
    private final CheckpointFailureManager failureManager;
    private final CheckpointStatsTracker stats;
    private final TreeMap<Long, PendingCheckpoint> pending = new TreeMap<>();
    private final Map<Long, CompletableFuture<CompletedCheckpoint>> futures = new HashMap<>();
    private long nextCheckpointId = 1;
    private boolean periodicRunning;
    private boolean shutdown;
    private CoordinatorScheduler.Cancellable nextTick;

    public CheckpointCoordinator(String jobId, CheckpointConfig config, CheckpointStorage storage, CheckpointTriggerTarget target,
                                 CoordinatorScheduler scheduler, Clock clock, Executor ioExecutor,
                                 Consumer<Throwable> discardFailureHandler) {
        this(jobId, config, storage, storage, target, scheduler, clock, ioExecutor, discardFailureHandler);
    }

    /**
     * With a separate storage for savepoints: savepoints are user-owned files in
     * {@code execution.checkpointing.savepoint-dir} even when checkpoints are kept in memory
     * ({@code storage: jobmanager}). Savepoints never share files with checkpoints, are never
     * registered in the {@link SharedStateRegistry} and never pruned by {@code num-retained}.
     */
    public CheckpointCoordinator(String jobId, CheckpointConfig config, CheckpointStorage storage,
                                 CheckpointStorage savepointStorage, CheckpointTriggerTarget target,
                                 CoordinatorScheduler scheduler, Clock clock, Executor ioExecutor,
                                 Consumer<Throwable> discardFailureHandler) {
        this.jobId = jobId;
        this.config = config;
        this.storage = storage;
        this.savepointStorage = savepointStorage;
        this.target = target;
        this.scheduler = scheduler;
        this.clock = clock;
        this.registry = new SharedStateRegistry(ioExecutor, discardFailureHandler);
        this.store = new CompletedCheckpointStore(config.numRetained(), registry, ioExecutor, discardFailureHandler,
            config.isCleanerParallelMode());
        this.completer = new CheckpointCompleter(jobId, storage, registry, ioExecutor, discardFailureHandler);
        this.policy = new CheckpointTriggerPolicy(config);
        this.failureManager = new CheckpointFailureManager(config.tolerableFailedCheckpoints());
        this.stats = new CheckpointStatsTracker(10);
    }

    // ---------------------------------------------------------------- triggering

    /** Starts periodic checkpoints (no-op when {@code execution.checkpointing.interval} is unset). */
    public void startCheckpointScheduler() {
        if (!config.isCheckpointingEnabled() || shutdown) {
            return;
        }
        periodicRunning = true;
        policy.start(clock.millis());
        scheduleNextTick();
    }

    public void stopCheckpointScheduler() {
        periodicRunning = false;
        cancelTick();
    }

    /**
     * Whether any source currently reports backlog (the runtime combines its sources' reports):
     * meanwhile checkpoints follow {@code interval-during-backlog}.
     */
    public void setBacklog(boolean backlog) {
        policy.setBacklog(backlog);
        scheduleNextTick();
    }

    /** Triggers a checkpoint now, outside the periodic schedule. */
    public CompletableFuture<CompletedCheckpoint> triggerCheckpoint() {
        return startCheckpoint(CheckpointKind.CHECKPOINT, null);
    }

    /** Triggers a savepoint into {@code targetDirectory} (null: {@code execution.checkpointing.savepoint-dir}). */
    public CompletableFuture<CompletedCheckpoint> triggerSavepoint(String targetDirectory) {
        return startCheckpoint(CheckpointKind.SAVEPOINT, targetDirectory);
    }

    private void onTick() {
        nextTick = null;
        if (!periodicRunning || shutdown) {
            return;
        }
        long now = clock.millis();
        if (policy.tooManyConcurrent(pending.size())) {
            return; // the next finishing checkpoint reschedules
        }
        if (policy.mayTrigger(now, pending.size())) {
            startCheckpoint(CheckpointKind.CHECKPOINT, null);
        }
        scheduleNextTick();
    }

    private void scheduleNextTick() {
        cancelTick();
        if (!periodicRunning || shutdown) {
            return;
        }
        long next = policy.nextTriggerTime();
        if (next != CheckpointTriggerPolicy.NEVER) {
            nextTick = scheduler.schedule(this::onTick, Math.max(0, next - clock.millis()));
        }
    }

    private void cancelTick() {
        if (nextTick != null) {
            nextTick.cancel();
            nextTick = null;
        }
    }

    private CompletableFuture<CompletedCheckpoint> startCheckpoint(CheckpointKind kind, String targetDirectory) {
        CompletableFuture<CompletedCheckpoint> future = new CompletableFuture<>();
        long now = clock.millis();
        if (shutdown) {
            future.completeExceptionally(new CheckpointException(CheckpointFailureReason.COORDINATOR_SHUTDOWN, null, null));
            return future;
        }
        CheckpointPlan plan = target.currentPlan();
        long id = nextCheckpointId++;
        policy.onTriggered(now);
        if (!plan.finishedTasks().isEmpty() && !config.checkpointsAfterTasksFinish()) {
            failBeforeStart(id, kind, now, future, new CheckpointException(CheckpointFailureReason.NOT_ALL_REQUIRED_TASKS_RUNNING,
                plan.finishedTasks().size() + " finished", null));
            return future;
        }
        CheckpointStorageLocation location;
        try {
            location = kind == CheckpointKind.CHECKPOINT ? storage.initializeLocationForCheckpoint(id)
                : savepointStorage.initializeLocationForSavepoint(id, targetDirectory);
        } catch (IOException | RuntimeException e) {
            failBeforeStart(id, kind, now, future, new CheckpointException(CheckpointFailureReason.IO_EXCEPTION, e.getMessage(), e));
            return future;
        }
        PendingCheckpoint checkpoint = new PendingCheckpoint(id, now, kind, plan, location);
        pending.put(id, checkpoint);
        futures.put(id, future);
        stats.reportPending(checkpoint);
        checkpoint.setTimeout(scheduler.schedule(() -> expire(checkpoint), config.timeout().toMillis()));
        try {
            target.triggerCheckpoint(id, now, kind, location);
        } catch (Exception e) {
            abort(checkpoint, new CheckpointException(CheckpointFailureReason.TRIGGER_FAILURE, e.getMessage(), e));
            return future;
        }
        if (checkpoint.isFullyAcknowledged()) {
            completePending(checkpoint);
        }
        return future;
    }

    private void failBeforeStart(long id, CheckpointKind kind, long now, CompletableFuture<CompletedCheckpoint> future,
                                 CheckpointException cause) {
        stats.reportFailedToStart(id, kind, now, cause.getMessage());
        future.completeExceptionally(cause);
        countFailure(id, cause.reason(), kind);
    }

    private void expire(PendingCheckpoint checkpoint) {
        if (!checkpoint.isDisposed()) {
            abort(checkpoint, new CheckpointException(CheckpointFailureReason.CHECKPOINT_EXPIRED,
                "after " + config.timeout().toMillis() + " ms, still waiting for " + checkpoint.notYetAcknowledgedTasks(), null));
        }
    }

    // ---------------------------------------------------------------- acknowledgements

    /** A task acknowledged a checkpoint with its state. Late or unknown acknowledgements have their state discarded. */
    public void acknowledge(CheckpointAck ack) {
        PendingCheckpoint checkpoint = pending.get(ack.checkpointId());
        if (checkpoint == null) {
            completer.discardState(ack);
            return;
        }
        PendingCheckpoint.AckResult result = checkpoint.acknowledge(ack);
        if (result != PendingCheckpoint.AckResult.SUCCESS) {
            // a second acknowledgement of the same task carries state of its own, which nothing will use
            if (result != PendingCheckpoint.AckResult.DUPLICATE || checkpoint.acks().stream().noneMatch(a -> a == ack)) {
                completer.discardState(ack);
            }
            return;
        }
        stats.reportAck(ack, clock.millis());
        if (checkpoint.isFullyAcknowledged()) {
            completePending(checkpoint);
        }
    }

    /** A task could not take its part of checkpoint {@code checkpointId}: the checkpoint fails. */
    public void decline(TaskId task, long checkpointId, Throwable cause) {
        PendingCheckpoint checkpoint = pending.get(checkpointId);
        if (checkpoint != null) {
            abort(checkpoint, new CheckpointException(CheckpointFailureReason.CHECKPOINT_DECLINED,
                "task " + task + (cause == null ? "" : ": " + cause.getMessage()), cause));
        }
    }

    /**
     * A task ended (it finished and took its final checkpoint) before acknowledging some pending
     * checkpoints: they can never complete and are aborted as {@code NOT_ALL_REQUIRED_TASKS_RUNNING},
     * which does not count towards {@code tolerable-failed-checkpoints}.
     */
    public void taskEnded(TaskId task) {
        for (PendingCheckpoint p : new ArrayList<>(pending.values())) {
            if (p.notYetAcknowledgedTasks().contains(task)) {
                abort(p, new CheckpointException(CheckpointFailureReason.NOT_ALL_REQUIRED_TASKS_RUNNING,
                    "task " + task + " ended before acknowledging", null));
            }
        }
    }

    /** The job fails over or stops: every pending checkpoint is aborted (not counted as a failure for JOB_FAILOVER). */
    public void abortPendingCheckpoints(CheckpointFailureReason reason) {
        for (PendingCheckpoint p : new ArrayList<>(pending.values())) {
            abort(p, new CheckpointException(reason, null, null));
        }
    }

    private void completePending(PendingCheckpoint checkpoint) {
        long now = clock.millis();
        CompletedCheckpoint completed;
        try {
            completed = completer.complete(checkpoint, now);
        } catch (CheckpointException e) {
            finishAborted(checkpoint, e);
            return;
        }
        pending.remove(checkpoint.checkpointId());
        checkpoint.dispose();
        stats.reportCompleted(checkpoint.checkpointId(), now, completed.pointer());
        policy.onFinished(now);
        target.notifyCheckpointComplete(checkpoint.checkpointId());
        if (checkpoint.kind() == CheckpointKind.CHECKPOINT) {
            store.addAndSubsume(completed);
            failureManager.onSuccess();
            for (PendingCheckpoint older : new ArrayList<>(pending.headMap(checkpoint.checkpointId()).values())) {
                if (older.kind() == CheckpointKind.CHECKPOINT) {
                    abort(older, new CheckpointException(CheckpointFailureReason.CHECKPOINT_SUBSUMED, null, null));
                }
            }
        }
        futures.remove(checkpoint.checkpointId()).complete(completed);
        scheduleNextTick();
    }

    private void abort(PendingCheckpoint checkpoint, CheckpointException cause) {
        if (!checkpoint.isDisposed()) {
            completer.discard(checkpoint);
            finishAborted(checkpoint, cause);
        }
    }

    private void finishAborted(PendingCheckpoint checkpoint, CheckpointException cause) {
        long id = checkpoint.checkpointId();
        checkpoint.dispose();
        pending.remove(id);
        stats.reportFailed(id, clock.millis(), cause.getMessage());
        policy.onFinished(clock.millis());
        target.notifyCheckpointAborted(id);
        CompletableFuture<CompletedCheckpoint> future = futures.remove(id);
        if (future != null) {
            future.completeExceptionally(cause);
        }
        countFailure(id, cause.reason(), checkpoint.kind());
        scheduleNextTick();
    }

    private void countFailure(long id, CheckpointFailureReason reason, CheckpointKind kind) {
        failureManager.onFailure(id, reason, kind == CheckpointKind.SAVEPOINT).ifPresent(target::failJob);
    }

    // ---------------------------------------------------------------- restore and shutdown

    /** The latest retained checkpoint to restore a failing-over job from (recorded as restored in the stats). */
    public Optional<CompletedCheckpoint> restoreLatestCheckpoint() {
        Optional<CompletedCheckpoint> latest = store.latest();
        latest.ifPresent(c -> stats.reportRestored(c.checkpointId(), clock.millis(), c.pointer()));
        return latest;
    }

    /**
     * Reads a checkpoint or savepoint by path ({@code -s <path>}, {@code execution.state-recovery.path})
     * and checks it against the job: state of an operator the job does not have is refused unless
     * {@code ignoreUnclaimedState}; a changed max parallelism is refused. Checkpoint ids continue
     * after the restored one. The restored checkpoint stays the user's: it is never deleted.
     *
     * @throws IOException naming the file when it is missing, truncated, corrupt or foreign
     * @throws IllegalStateException naming the operator and the path when the job does not match
     */
    public CheckpointMetadata restoreFromPath(String pointer, boolean ignoreUnclaimedState) throws IOException {
        CheckpointMetadata metadata = pointer.startsWith("jobmanager://") ? storage.resolveCheckpoint(pointer)
            : MetadataFiles.read(CheckpointPaths.resolveMetadataFile(pointer));
        Map<String, OperatorInfo> operators = new HashMap<>();
        target.currentPlan().operators().forEach(op -> operators.put(op.uid(), op));
        for (OperatorState state : metadata.operatorStates()) {
            OperatorInfo op = operators.get(state.uid());
            if (op == null && !state.subtaskStates().isEmpty() && !ignoreUnclaimedState) {
                throw new IllegalStateException("Checkpoint " + pointer + " has state for operator uid '" + state.uid()
                    + "' that the job does not contain; set 'execution.state-recovery.ignore-unclaimed-state' = 'true' to skip it");
            }
            if (op != null && op.maxParallelism() != state.maxParallelism()) {
                throw new IllegalStateException("Checkpoint " + pointer + ": operator uid '" + state.uid() + "' had max parallelism "
                    + state.maxParallelism() + ", the job has " + op.maxParallelism() + "; key groups cannot be remapped");
            }
        }
        nextCheckpointId = Math.max(nextCheckpointId, metadata.checkpointId() + 1);
        stats.reportRestored(metadata.checkpointId(), clock.millis(), pointer);
        return metadata;
    }

    /** Stops checkpointing for good; retained checkpoints are kept or discarded as the retention setting says. */
    public void shutdown(JobTerminalStatus status) {
        if (shutdown) {
            return;
        }
        stopCheckpointScheduler();
        abortPendingCheckpoints(CheckpointFailureReason.COORDINATOR_SHUTDOWN);
        shutdown = true;
        store.shutdown(status, config.externalizedRetention());
    }

    public CheckpointStatsSnapshot stats() {
        return stats.snapshot();
    }

    public CompletedCheckpointStore completedCheckpoints() {
        return store;
    }

    public SharedStateRegistry sharedStateRegistry() {
        return registry;
    }

    public int numberOfPendingCheckpoints() {
        return pending.size();
    }

    public String jobId() {
        return jobId;
    }
}
