package io.weir.runtime.checkpointing;

import io.weir.checkpoint.coordinator.CheckpointPlan;
import io.weir.checkpoint.coordinator.CheckpointTriggerTarget;
import io.weir.checkpoint.coordinator.OperatorInfo;
import io.weir.checkpoint.coordinator.TaskId;
import io.weir.checkpoint.metadata.CheckpointKind;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import io.weir.checkpoint.storage.CheckpointStorageLocation;
import io.weir.checkpoint.storage.FileMergingManager;
import io.weir.checkpoint.storage.IncrementalCheckpointStreams;
import io.weir.runtime.cluster.CheckpointControl;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.operators.OperatorFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The running attempt of a job as the coordinator sees it: the plan comes from the job graph and
 * the attempt's task states (ended tasks are "finished"), triggers and notifications go to the
 * attempt's {@link CheckpointControl}, and each pending checkpoint's exclusive stream factory is
 * remembered so that tasks write into {@code chk-<n>/} (with {@code execution.checkpointing.incremental},
 * wrapped in {@link IncrementalCheckpointStreams} so that keyed backends also write {@code shared/}). Coordinator thread, except
 * {@link #streamsFor} (task and snapshot threads).
 */
final class JobCheckpointTarget implements CheckpointTriggerTarget {
    private final JobGraph graph;
    private final List<OperatorInfo> operators = new ArrayList<>();
    private final Map<Long, CheckpointStreamFactory> streams = new ConcurrentHashMap<>();
    private final Consumer<Throwable> failJob;
    private final CheckpointStreamFactory sharedStreams;
    private final LocalRecovery localRecovery;
    private final java.util.concurrent.Executor io;
    private final FileMergingManager fileMerging;
    private volatile CheckpointControl control;

    /**
     * @param sharedStreams where incremental snapshots put shared files, or null for full snapshots only
     * @param localRecovery told about completed and aborted checkpoints (null: local recovery off)
     * @param io            where local copies are deleted
     * @param fileMerging   writes checkpoint files as segments of merged files (null: one file per stream)
     */
    JobCheckpointTarget(JobGraph graph, Consumer<Throwable> failJob, CheckpointStreamFactory sharedStreams,
                        LocalRecovery localRecovery, java.util.concurrent.Executor io, FileMergingManager fileMerging) {
        this.fileMerging = fileMerging;
        this.localRecovery = localRecovery;
        this.io = io;
        this.graph = graph;
        this.failJob = failJob;
        this.sharedStreams = sharedStreams;
        for (JobVertex v : graph.vertices()) {
            for (OperatorFactory f : v.chain()) {
                operators.add(new OperatorInfo(f.uid(), v.uid(), v.parallelism(), v.maxParallelism()));
            }
        }
    }

    /** The attempt that checkpoints go to from now on (null while restarting). */
    void attach(CheckpointControl attempt) {
        this.control = attempt;
    }

    CheckpointControl control() {
        return control;
    }

    /** The stream factory of pending checkpoint {@code checkpointId}, or null. */
    CheckpointStreamFactory streamsFor(long checkpointId) {
        return streams.get(checkpointId);
    }

    @Override
    public CheckpointPlan currentPlan() {
        Set<TaskId> running = new HashSet<>();
        Set<TaskId> finished = new HashSet<>();
        CheckpointControl c = control;
        if (c == null) {
            for (JobVertex v : graph.vertices()) {
                for (int i = 0; i < v.parallelism(); i++) {
                    running.add(new TaskId(v.uid(), i));
                }
            }
        } else {
            for (CheckpointControl.TaskState t : c.taskStates()) {
                (t.ended() ? finished : running).add(new TaskId(t.vertexUid(), t.subtaskIndex()));
            }
        }
        return new CheckpointPlan(running, finished, operators);
    }

    @Override
    public void triggerCheckpoint(long checkpointId, long timestamp, CheckpointKind kind) {
        throw new UnsupportedOperationException("the coordinator passes the storage location");
    }

    @Override
    public void triggerCheckpoint(long checkpointId, long timestamp, CheckpointKind kind, CheckpointStorageLocation location) {
        CheckpointControl c = control;
        if (c == null) {
            throw new IllegalStateException("the job is restarting");
        }
        // savepoints are self-contained: never incremental, never merged
        boolean checkpoint = kind == CheckpointKind.CHECKPOINT;
        CheckpointStreamFactory exclusive = fileMerging != null && checkpoint ? fileMerging.exclusiveStreams(checkpointId)
            : location.exclusiveStateStreamFactory();
        CheckpointStreamFactory shared = fileMerging != null && sharedStreams != null ? fileMerging.sharedStreams(checkpointId) : sharedStreams;
        streams.put(checkpointId, shared != null && checkpoint ? new IncrementalCheckpointStreams(exclusive, shared) : exclusive);
        c.triggerCheckpoint(checkpointId, timestamp);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        streams.remove(checkpointId);
        fileMergingEnded(checkpointId);
        if (localRecovery != null) {
            localRecovery.confirm(checkpointId, io);
        }
        CheckpointControl c = control;
        if (c != null) {
            c.notifyCheckpointComplete(checkpointId);
        }
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) {
        streams.remove(checkpointId);
        fileMergingEnded(checkpointId);
        if (localRecovery != null) {
            localRecovery.abort(checkpointId, io);
        }
        CheckpointControl c = control;
        if (c != null) {
            c.notifyCheckpointAborted(checkpointId);
        }
    }

    private void fileMergingEnded(long checkpointId) {
        if (fileMerging != null) {
            try {
                fileMerging.checkpointEnded(checkpointId);
            } catch (java.io.IOException e) {
                // a file that could not be closed stays until the job ends
            }
        }
    }

    @Override
    public void failJob(Throwable cause) {
        failJob.accept(cause);
    }

    /** The tasks of the current attempt whose thread has ended. */
    List<TaskId> endedTasks() {
        CheckpointControl c = control;
        List<TaskId> ended = new ArrayList<>();
        if (c != null) {
            for (CheckpointControl.TaskState t : c.taskStates()) {
                if (t.ended()) {
                    ended.add(new TaskId(t.vertexUid(), t.subtaskIndex()));
                }
            }
        }
        return ended;
    }

    /** True when a source task of the current attempt reads a backlog. */
    boolean anySourceInBacklog() {
        CheckpointControl c = control;
        if (c != null) {
            for (CheckpointControl.TaskState t : c.taskStates()) {
                if (t.backlog()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when every task that has not ended has finished its input (a final checkpoint is due). */
    boolean allTasksFinished() {
        CheckpointControl c = control;
        if (c == null) {
            return false;
        }
        for (CheckpointControl.TaskState t : c.taskStates()) {
            if (!t.ended() && !t.finishedInput()) {
                return false;
            }
        }
        return true;
    }
}
