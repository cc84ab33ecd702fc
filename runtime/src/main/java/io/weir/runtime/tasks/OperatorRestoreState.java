package io.weir.runtime.tasks;

import io.weir.checkpoint.state.snapshot.KeyedStateHandle;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle;
import java.util.List;
import java.util.Map;

/**
 * What one operator subtask is restored from: the checkpoint id, keyed state handles (any key-group
 * ranges; the backend reads the overlap with its own), operator state handles assigned to this
 * subtask, and timers per key group (only the subtask's own key groups are taken).
 */
public final class OperatorRestoreState {
    private final long checkpointId;
    private final List<KeyedStateHandle> keyedState;
    private final List<OperatorStateHandle> operatorState;
    private final Map<Integer, byte[]> timers;

    public OperatorRestoreState(long checkpointId, List<KeyedStateHandle> keyedState,
                                List<OperatorStateHandle> operatorState, Map<Integer, byte[]> timers) {
        this.checkpointId = checkpointId;
        this.keyedState = List.copyOf(keyedState);
        this.operatorState = List.copyOf(operatorState);
        this.timers = Map.copyOf(timers);
    }

    public long checkpointId() { return checkpointId; }
    public List<KeyedStateHandle> keyedState() { return keyedState; }
    public List<OperatorStateHandle> operatorState() { return operatorState; }
    public Map<Integer, byte[]> timers() { return timers; }
}
