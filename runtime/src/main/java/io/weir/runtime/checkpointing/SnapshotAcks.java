package io.weir.runtime.checkpointing;

import io.weir.checkpoint.coordinator.CheckpointAck;
import io.weir.checkpoint.coordinator.SubtaskCheckpointMetrics;
import io.weir.checkpoint.coordinator.TaskId;
import io.weir.checkpoint.metadata.OperatorSubtaskState;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle;
import io.weir.runtime.tasks.OperatorRestoreState;
import io.weir.runtime.tasks.OperatorSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the snapshots one task took for a checkpoint into the coordinator's {@link CheckpointAck}:
 * runs their asynchronous parts, and maps each operator's handles (keyed, operator, timers) to an
 * {@link OperatorSubtaskState}. Runs on the asynchronous snapshot pool.
 */
final class SnapshotAcks {
    private SnapshotAcks() {
    }

    /** A later operator's snapshot failed: the earlier ones' files are never acknowledged, so they go. */
    private static void discard(java.util.Collection<OperatorSubtaskState> states) {
        for (OperatorSubtaskState s : states) {
            s.keyedState().forEach(OperatorSnapshot::discardUnacknowledged);
            for (OperatorStateHandle h : s.operatorState()) {
                try {
                    h.discardState();
                } catch (java.io.IOException | RuntimeException ignored) {
                    // nothing refers to it
                }
            }
        }
    }

    /**
     * @param syncMillis how long the synchronous part took on the task thread
     * @param streams    where timers are written (the checkpoint's exclusive location)
     */
    static CheckpointAck complete(TaskId task, long checkpointId, List<OperatorSnapshot> snapshots, long syncMillis,
                                  CheckpointStreamFactory streams) throws Exception {
        long start = System.nanoTime();
        Map<String, OperatorSubtaskState> states = new HashMap<>();
        try {
            for (OperatorSnapshot s : snapshots) {
                OperatorRestoreState r = s.complete();
                List<OperatorStateHandle> operatorState = new ArrayList<>(r.operatorState());
                OperatorStateHandle timers;
                try {
                    timers = TimerStateCodec.write(r.timers(), streams);
                } catch (Exception | Error e) {
                    states.put(s.operatorUid(), new OperatorSubtaskState(r.keyedState(), operatorState, List.of(), List.of()));
                    throw e;
                }
                if (timers != null) {
                    operatorState.add(timers);
                }
                OperatorSubtaskState state = new OperatorSubtaskState(r.keyedState(), operatorState, List.of(), List.of());
                states.put(s.operatorUid(), state);
            }
        } catch (Exception | Error e) {
            discard(states.values());
            throw e;
        }
        long asyncMillis = (System.nanoTime() - start) / 1_000_000;
        return new CheckpointAck(task, checkpointId, states,
            new SubtaskCheckpointMetrics(syncMillis, asyncMillis, 0, 0, 0, false));
    }
}
