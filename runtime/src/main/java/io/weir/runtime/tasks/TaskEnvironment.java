package io.weir.runtime.tasks;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.state.StateBackend;
import io.weir.checkpoint.state.StateBackends;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import io.weir.checkpoint.state.snapshot.MemoryCheckpointStreamFactory;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the tasks of one job share: its id and name, configuration, state backend (created on first
 * use from {@code state.backend.type}), the scheduler thread behind processing time, where
 * snapshots are written, and whom to acknowledge them to. Thread-safe.
 */
public final class TaskEnvironment {
    private final String jobId;
    private final String jobName;
    private final Configuration configuration;
    private final ScheduledExecutorService scheduler;
    private volatile CheckpointStreamFactory checkpointStreams = new MemoryCheckpointStreamFactory();
    private volatile java.util.function.LongFunction<CheckpointStreamFactory> streamsPerCheckpoint;
    private volatile CheckpointResponder checkpointResponder = CheckpointResponder.IGNORE;
    private StateBackend stateBackend;
    private volatile boolean awaitFinalCheckpoint;

    public TaskEnvironment(String jobId, String jobName, Configuration configuration, ScheduledExecutorService scheduler) {
        this.jobId = jobId;
        this.jobName = jobName;
        this.configuration = configuration.copy();
        this.scheduler = scheduler;
    }

    /** Receives the snapshots tasks take for a checkpoint (the checkpoint coordinator implements it). */
    @FunctionalInterface
    public interface CheckpointResponder {
        CheckpointResponder IGNORE = (task, subtask, id, snapshots) -> { };

        /** Called on the task thread right after the synchronous part; run the snapshots' async parts elsewhere. */
        void acknowledge(String vertexUid, int subtaskIndex, long checkpointId, java.util.List<OperatorSnapshot> snapshots);

        /**
         * The same, with what barrier handling measured for the checkpoint at this task (alignment
         * duration, bytes processed and persisted while aligning). Called instead of the four-argument
         * form; the default drops the metrics.
         */
        default void acknowledge(String vertexUid, int subtaskIndex, long checkpointId,
                                 java.util.List<OperatorSnapshot> snapshots, io.weir.checkpoint.barrier.AlignmentMetrics alignment) {
            acknowledge(vertexUid, subtaskIndex, checkpointId, snapshots);
        }
    }

    public String jobId() { return jobId; }
    public String jobName() { return jobName; }
    public Configuration configuration() { return configuration; }
    public ScheduledExecutorService scheduler() { return scheduler; }

    public synchronized StateBackend stateBackend() {
        if (stateBackend == null) {
            stateBackend = StateBackends.fromConfiguration(configuration);
        }
        return stateBackend;
    }

    public CheckpointStreamFactory checkpointStreams() { return checkpointStreams; }

    public void setCheckpointStreams(CheckpointStreamFactory streams) { this.checkpointStreams = streams; }

    /**
     * Where the snapshots of checkpoint {@code checkpointId} are written: the per-checkpoint
     * factory when one is set ({@link #setCheckpointStreamsPerCheckpoint}) and knows the id, else
     * {@link #checkpointStreams()}. Called on task threads.
     */
    public CheckpointStreamFactory checkpointStreams(long checkpointId) {
        java.util.function.LongFunction<CheckpointStreamFactory> p = streamsPerCheckpoint;
        CheckpointStreamFactory f = p == null ? null : p.apply(checkpointId);
        return f != null ? f : checkpointStreams;
    }

    /** Per-checkpoint stream factories (the checkpoint's storage location); null results fall back. */
    public void setCheckpointStreamsPerCheckpoint(java.util.function.LongFunction<CheckpointStreamFactory> streams) {
        this.streamsPerCheckpoint = streams;
    }

    public CheckpointResponder checkpointResponder() { return checkpointResponder; }

    /**
     * True when finished tasks stay alive for a final checkpoint (sending {@code EndOfData}, then
     * {@code EndOfInput} only once a checkpoint taken after finishing has completed).
     */
    public boolean awaitFinalCheckpoint() { return awaitFinalCheckpoint; }

    public void setAwaitFinalCheckpoint(boolean await) { this.awaitFinalCheckpoint = await; }

    public void setCheckpointResponder(CheckpointResponder responder) { this.checkpointResponder = responder; }

    /** Releases the state backend's shared resources (after every task closed its backends). */
    public synchronized void close() {
        if (stateBackend != null) {
            stateBackend.close();
            stateBackend = null;
        }
    }
}
