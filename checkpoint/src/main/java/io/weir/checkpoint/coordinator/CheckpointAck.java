package io.weir.checkpoint.coordinator;

import io.weir.checkpoint.metadata.OperatorSubtaskState;
import java.util.Map;
import java.util.Objects;

/**
 * A task's acknowledgement of checkpoint {@code checkpointId}: the state of each operator of its
 * chain (by uid; operators without state may be absent) and its metrics.
 */
public record CheckpointAck(TaskId task, long checkpointId, Map<String, OperatorSubtaskState> operatorStates,
                            SubtaskCheckpointMetrics metrics) {
    public CheckpointAck {
        Objects.requireNonNull(task, "task");
        operatorStates = Map.copyOf(operatorStates);
        Objects.requireNonNull(metrics, "metrics");
    }

    public long stateSize() {
        return operatorStates.values().stream().mapToLong(OperatorSubtaskState::stateSize).sum();
    }

    public long checkpointedSize() {
        return operatorStates.values().stream().mapToLong(OperatorSubtaskState::checkpointedSize).sum();
    }
}
