package io.weir.checkpoint.coordinator;

import java.util.Objects;

/** One subtask of one job vertex (a chain of operators), the unit that acknowledges checkpoints. */
public record TaskId(String vertexId, int subtaskIndex) {
    public TaskId {
        Objects.requireNonNull(vertexId, "vertexId");
    }

    @Override
    public String toString() {
        return vertexId + "#" + subtaskIndex;
    }
}
