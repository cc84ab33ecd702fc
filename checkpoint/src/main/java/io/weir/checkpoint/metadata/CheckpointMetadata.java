package io.weir.checkpoint.metadata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code _metadata} records about one completed checkpoint or savepoint: its id, job,
 * kind, trigger and completion times, and the state of every operator by uid.
 */
public final class CheckpointMetadata {
    private final String jobId;
    private final long checkpointId;
    private final CheckpointKind kind;
    private final long triggerTimestamp;
    private final long completionTimestamp;
    private final Map<String, OperatorState> operatorStates = new LinkedHashMap<>();

    public CheckpointMetadata(String jobId, long checkpointId, CheckpointKind kind, long triggerTimestamp,
                              long completionTimestamp, List<OperatorState> operatorStates) {
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        this.checkpointId = checkpointId;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.triggerTimestamp = triggerTimestamp;
        this.completionTimestamp = completionTimestamp;
        for (OperatorState s : operatorStates) {
            if (this.operatorStates.put(s.uid(), s) != null) {
                throw new IllegalArgumentException("duplicate operator uid '" + s.uid() + "' in checkpoint " + checkpointId);
            }
        }
    }

    public String jobId() { return jobId; }
    public long checkpointId() { return checkpointId; }
    public CheckpointKind kind() { return kind; }
    public long triggerTimestamp() { return triggerTimestamp; }
    public long completionTimestamp() { return completionTimestamp; }

    /** Operator states in the order they were added. */
    public List<OperatorState> operatorStates() {
        return Collections.unmodifiableList(new ArrayList<>(operatorStates.values()));
    }

    public Optional<OperatorState> operatorState(String uid) {
        return Optional.ofNullable(operatorStates.get(uid));
    }

    public long stateSize() {
        return operatorStates.values().stream().mapToLong(OperatorState::stateSize).sum();
    }

    public long checkpointedSize() {
        return operatorStates.values().stream().mapToLong(OperatorState::checkpointedSize).sum();
    }

    @Override
    public String toString() {
        return "CheckpointMetadata{job=" + jobId + ", id=" + checkpointId + ", " + kind + ", operators=" + operatorStates.keySet() + "}";
    }
}
