package io.weir.runtime.checkpointing;

import io.weir.checkpoint.coordinator.CheckpointPlan;
import io.weir.checkpoint.coordinator.CheckpointTriggerTarget;
import io.weir.checkpoint.coordinator.OperatorInfo;
import io.weir.checkpoint.coordinator.TaskId;
import io.weir.checkpoint.metadata.CheckpointKind;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import io.weir.checkpoint.storage.CheckpointStorageLocation;
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
 * remembered so that tasks write into {@code chk-<n>/}. Coordinator thread, except
 * {@link #streamsFor} (task and snapshot threads).
 */
final class JobCheckpointTarget implements CheckpointTriggerTarget {
    private final JobGraph graph;
    private final List<OperatorInfo> operators = new ArrayList<>();
    private final Map<Long, CheckpointStreamFactory> streams = new ConcurrentHashMap<>();
    private final Consumer<Throwable> failJob;
    private volatile CheckpointControl control;

    JobCheckpointTarget(JobGraph graph, Consumer<Throwable> failJob) {
        this.graph = graph;
        this.failJob = failJob;
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
        streams.put(checkpointId, location.exclusiveStateStreamFactory());
        c.triggerCheckpoint(checkpointId, timestamp, kind == CheckpointKind.SAVEPOINT);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        streams.remove(checkpointId);
        CheckpointControl c = control;
        if (c != null) {
            c.notifyCheckpointComplete(checkpointId);
        }
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) {
        streams.remove(checkpointId);
        CheckpointControl c = control;
        if (c != null) {
            c.notifyCheckpointAborted(checkpointId);
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
