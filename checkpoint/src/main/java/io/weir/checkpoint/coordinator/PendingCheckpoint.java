package io.weir.checkpoint.coordinator;

import io.weir.checkpoint.metadata.CheckpointKind;
import io.weir.checkpoint.metadata.CheckpointMetadata;
import io.weir.checkpoint.metadata.OperatorState;
import io.weir.checkpoint.metadata.OperatorSubtaskState;
import io.weir.checkpoint.storage.CheckpointStorageLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A triggered checkpoint waiting for its acknowledgements: which tasks still owe one, the state
 * each acknowledged, and the metrics. Coordinator thread only.
 */
public final class PendingCheckpoint {
    /** What an acknowledgement did. */
    public enum AckResult { SUCCESS, DUPLICATE, UNKNOWN_TASK, DISCARDED }

    private final long checkpointId;
    private final long triggerTimestamp;
    private final CheckpointKind kind;
    private final CheckpointPlan plan;
    private final CheckpointStorageLocation location;
    private final Set<TaskId> notYetAcknowledged;
    private final Map<TaskId, CheckpointAck> acks = new LinkedHashMap<>();
    private CoordinatorScheduler.Cancellable timeout;
    private boolean disposed;

    public PendingCheckpoint(long checkpointId, long triggerTimestamp, CheckpointKind kind, CheckpointPlan plan,
                             CheckpointStorageLocation location) {
        this.checkpointId = checkpointId;
        this.triggerTimestamp = triggerTimestamp;
        this.kind = kind;
        this.plan = plan;
        this.location = location;
        this.notYetAcknowledged = new HashSet<>(plan.tasksToAcknowledge());
    }

    public long checkpointId() { return checkpointId; }
    public long triggerTimestamp() { return triggerTimestamp; }
    public CheckpointKind kind() { return kind; }
    public CheckpointStorageLocation location() { return location; }
    public CheckpointPlan plan() { return plan; }
    public boolean isDisposed() { return disposed; }

    void setTimeout(CoordinatorScheduler.Cancellable timeout) {
        this.timeout = timeout;
    }

    public AckResult acknowledge(CheckpointAck ack) {
        if (disposed) {
            return AckResult.DISCARDED;
        }
        if (!notYetAcknowledged.remove(ack.task())) {
            return acks.containsKey(ack.task()) ? AckResult.DUPLICATE : AckResult.UNKNOWN_TASK;
        }
        acks.put(ack.task(), ack);
        return AckResult.SUCCESS;
    }

    public boolean isFullyAcknowledged() {
        return notYetAcknowledged.isEmpty() && !disposed;
    }

    public int numberOfAcknowledgedTasks() {
        return acks.size();
    }

    public int numberOfTasks() {
        return plan.tasksToAcknowledge().size();
    }

    public Set<TaskId> notYetAcknowledgedTasks() {
        return Set.copyOf(notYetAcknowledged);
    }

    public List<CheckpointAck> acks() {
        return List.copyOf(acks.values());
    }

    /**
     * The metadata of this checkpoint, from all acknowledged state, for every operator of the plan;
     * subtasks that had finished are recorded as such.
     */
    public CheckpointMetadata toMetadata(String jobId, long completionTimestamp) {
        Map<String, OperatorState> states = new LinkedHashMap<>();
        for (OperatorInfo op : plan.operators()) {
            OperatorState state = new OperatorState(op.uid(), op.parallelism(), op.maxParallelism());
            for (TaskId finished : plan.finishedTasks()) {
                if (finished.vertexId().equals(op.vertexId())) {
                    state.markFinished(finished.subtaskIndex());
                }
            }
            states.put(op.uid(), state);
        }
        for (CheckpointAck ack : acks.values()) {
            for (Map.Entry<String, OperatorSubtaskState> e : ack.operatorStates().entrySet()) {
                OperatorState op = states.get(e.getKey());
                if (op == null) {
                    throw new IllegalStateException("task " + ack.task() + " acknowledged state for operator '" + e.getKey()
                        + "', which is not part of the job");
                }
                if (!e.getValue().isEmpty()) {
                    op.putState(ack.task().subtaskIndex(), e.getValue());
                }
            }
        }
        return new CheckpointMetadata(jobId, checkpointId, kind, triggerTimestamp, completionTimestamp,
            new ArrayList<>(states.values()));
    }

    /** Marks this checkpoint as finished (completed or aborted) and cancels its timeout; returns false if it already was. */
    boolean dispose() {
        if (disposed) {
            return false;
        }
        disposed = true;
        if (timeout != null) {
            timeout.cancel();
        }
        return true;
    }
}
