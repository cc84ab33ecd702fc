package io.weir.runtime.tasks;

import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.KeyGroupRangeAssignment;
import io.weir.checkpoint.state.snapshot.KeyedStateAssignment;
import io.weir.checkpoint.state.snapshot.KeyedStateHandle;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle;
import io.weir.checkpoint.state.snapshot.OperatorStateRedistributor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one operator subtask is restored from: the checkpoint id, keyed state handles (any key-group
 * ranges; the backend reads the overlap with its own), operator state handles assigned to this
 * subtask, and timers per key group (only the subtask's own key groups are taken); or the mark
 * that the subtask had finished before the checkpoint ({@link #finished}).
 */
public final class OperatorRestoreState {
    private final long checkpointId;
    private final List<KeyedStateHandle> keyedState;
    private final List<OperatorStateHandle> operatorState;
    private final Map<Integer, byte[]> timers;
    private final boolean finished;

    public OperatorRestoreState(long checkpointId, List<KeyedStateHandle> keyedState,
                                List<OperatorStateHandle> operatorState, Map<Integer, byte[]> timers) {
        this(checkpointId, keyedState, operatorState, timers, false);
    }

    private OperatorRestoreState(long checkpointId, List<KeyedStateHandle> keyedState,
                                 List<OperatorStateHandle> operatorState, Map<Integer, byte[]> timers, boolean finished) {
        this.finished = finished;
        this.checkpointId = checkpointId;
        this.keyedState = List.copyOf(keyedState);
        this.operatorState = List.copyOf(operatorState);
        this.timers = Map.copyOf(timers);
    }

    /**
     * Assigns the snapshots of all old subtasks of one operator to {@code newParallelism} new
     * subtasks: keyed state and timers by key-group range, operator state by its redistribution
     * mode (even split, union, broadcast).
     *
     * @param oldSubtasks per old subtask, in subtask order (null for a subtask without state)
     */
    public static List<OperatorRestoreState> redistribute(List<OperatorRestoreState> oldSubtasks, int maxParallelism,
                                                          int newParallelism) {
        long id = -1;
        List<KeyedStateHandle> keyed = new ArrayList<>();
        List<List<OperatorStateHandle>> operator = new ArrayList<>();
        Map<Integer, byte[]> timers = new HashMap<>();
        for (OperatorRestoreState s : oldSubtasks) {
            operator.add(s == null ? List.of() : s.operatorState());
            if (s != null) {
                id = Math.max(id, s.checkpointId);
                keyed.addAll(s.keyedState);
                timers.putAll(s.timers);
            }
        }
        List<List<OperatorStateHandle>> ops = OperatorStateRedistributor.redistribute(operator, newParallelism);
        List<OperatorRestoreState> result = new ArrayList<>();
        for (int i = 0; i < newParallelism; i++) {
            KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxParallelism, newParallelism, i);
            Map<Integer, byte[]> own = new HashMap<>();
            timers.forEach((group, bytes) -> {
                if (range.contains(group)) {
                    own.put(group, bytes);
                }
            });
            result.add(new OperatorRestoreState(id, KeyedStateAssignment.handlesFor(keyed, range), ops.get(i), own));
        }
        return result;
    }

    /**
     * The subtask had finished (its input ended, its output was committed) when checkpoint
     * {@code checkpointId} was taken: it must not run again. A task whose operators are all
     * finished ends at once on restore, sending only end-of-input downstream.
     */
    public static OperatorRestoreState finished(long checkpointId) {
        return new OperatorRestoreState(checkpointId, List.of(), List.of(), Map.of(), true);
    }

    public boolean isFinished() { return finished; }

    public long checkpointId() { return checkpointId; }
    public List<KeyedStateHandle> keyedState() { return keyedState; }
    public List<OperatorStateHandle> operatorState() { return operatorState; }
    public Map<Integer, byte[]> timers() { return timers; }
}
