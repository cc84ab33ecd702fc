package io.weir.checkpoint.coordinator;

import io.weir.checkpoint.metadata.CheckpointKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * A hand-written stand-in for the runtime's job: records what the coordinator asked of it and
 * lets the test decide when tasks acknowledge. {@code onTrigger} runs inside
 * {@link #triggerCheckpoint} (e.g. to acknowledge at once).
 */
final class FakeJob implements CheckpointTriggerTarget {
    final List<Long> triggered = new ArrayList<>();
    final List<Long> triggerTimes = new ArrayList<>();
    final List<CheckpointKind> kinds = new ArrayList<>();
    final List<Long> completed = new ArrayList<>();
    final List<Long> aborted = new ArrayList<>();
    final List<Throwable> jobFailures = new ArrayList<>();
    final Set<TaskId> running = new HashSet<>();
    final Set<TaskId> finished = new HashSet<>();
    final List<OperatorInfo> operators = new ArrayList<>();
    LongConsumer onTrigger = id -> { };
    LongConsumer onComplete = id -> { };
    boolean failTrigger;

    FakeJob withVertex(String vertexId, int parallelism, String... operatorUids) {
        for (int i = 0; i < parallelism; i++) {
            running.add(new TaskId(vertexId, i));
        }
        for (String uid : operatorUids) {
            operators.add(new OperatorInfo(uid, vertexId, parallelism, 128));
        }
        return this;
    }

    void finish(TaskId task) {
        running.remove(task);
        finished.add(task);
    }

    @Override
    public CheckpointPlan currentPlan() {
        return new CheckpointPlan(running, finished, operators);
    }

    @Override
    public void triggerCheckpoint(long checkpointId, long timestamp, CheckpointKind kind) throws Exception {
        if (failTrigger) {
            throw new Exception("source mailbox closed");
        }
        triggered.add(checkpointId);
        triggerTimes.add(timestamp);
        kinds.add(kind);
        onTrigger.accept(checkpointId);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        completed.add(checkpointId);
        onComplete.accept(checkpointId);
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) {
        aborted.add(checkpointId);
    }

    @Override
    public void failJob(Throwable cause) {
        jobFailures.add(cause);
    }
}
