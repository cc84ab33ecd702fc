package io.weir.runtime.checkpointing;

import io.weir.checkpoint.metadata.CheckpointMetadata;
import io.weir.checkpoint.metadata.OperatorState;
import io.weir.checkpoint.metadata.OperatorSubtaskState;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle;
import io.weir.runtime.cluster.RestoreProvider;
import io.weir.runtime.tasks.OperatorRestoreState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Restores a job's operators from a completed checkpoint's metadata: each operator by uid, its
 * subtasks' keyed state, operator state and timers (stored by {@link TimerStateCodec}); when the
 * parallelism changed, state is redistributed by key group and operator-state mode. Operators the
 * checkpoint does not know start fresh. Subtasks the checkpoint marks finished (and every subtask of
 * a fully finished operator) are restored as finished, so that a bounded source that had ended is
 * not read again (Flink's checkpoints-after-tasks-finish). Called on the deploying thread; thread-safe.
 */
final class CheckpointRestoreProvider implements RestoreProvider {
    private final CheckpointMetadata metadata;
    private final Map<String, List<OperatorRestoreState>> rescaled = new ConcurrentHashMap<>();
    private final LocalRecovery localRecovery;

    /** @param localRecovery where intact local copies replace remote files at the same parallelism, or null */
    CheckpointRestoreProvider(CheckpointMetadata metadata, LocalRecovery localRecovery) {
        this.metadata = metadata;
        this.localRecovery = localRecovery;
    }

    @Override
    public OperatorRestoreState restoreStateFor(String operatorUid, int subtaskIndex, int parallelism) {
        OperatorState op = metadata.operatorState(operatorUid).orElse(null);
        if (op == null) {
            return null;
        }
        if (op.isFullyFinished() || op.parallelism() == parallelism && op.finishedSubtasks().contains(subtaskIndex)) {
            return OperatorRestoreState.finished(metadata.checkpointId());
        }
        if (op.parallelism() != parallelism && !op.finishedSubtasks().isEmpty()) {
            throw new IllegalStateException("not supported yet: restoring operator '" + operatorUid + "' at parallelism "
                + parallelism + " from checkpoint " + metadata.checkpointId() + ", where its subtasks " + op.finishedSubtasks()
                + " of " + op.parallelism() + " had finished (restore at parallelism " + op.parallelism() + ")");
        }
        if (op.parallelism() == parallelism) {
            OperatorSubtaskState state = op.state(subtaskIndex);
            if (localRecovery != null) {
                state = localRecovery.restore(operatorUid, subtaskIndex, metadata.checkpointId(), state);
            }
            return toRestoreState(state);
        }
        return rescaled.computeIfAbsent(operatorUid + "/" + parallelism, k -> {
            List<OperatorRestoreState> old = new ArrayList<>();
            for (int i = 0; i < op.parallelism(); i++) {
                old.add(toRestoreState(op.state(i)));
            }
            return OperatorRestoreState.redistribute(old, op.maxParallelism(), parallelism);
        }).get(subtaskIndex);
    }

    private OperatorRestoreState toRestoreState(OperatorSubtaskState state) {
        List<OperatorStateHandle> operatorState = new ArrayList<>();
        Map<Integer, byte[]> timers = new HashMap<>();
        for (OperatorStateHandle h : state.operatorState()) {
            if (TimerStateCodec.isTimerHandle(h)) {
                try {
                    timers.putAll(TimerStateCodec.read(h));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the timers of checkpoint " + metadata.checkpointId()
                        + " from " + h.getDelegateStateHandle() + ": " + e.getMessage(), e);
                }
            } else {
                operatorState.add(h);
            }
        }
        return new OperatorRestoreState(metadata.checkpointId(), state.keyedState(), operatorState, timers);
    }
}
