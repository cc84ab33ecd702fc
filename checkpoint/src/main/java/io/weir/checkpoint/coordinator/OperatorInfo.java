package io.weir.checkpoint.coordinator;

import java.util.Objects;

/**
 * What the coordinator needs to know about one operator of the job: its uid, the job vertex (chain)
 * it runs in, whose tasks acknowledge for it, and its parallelism.
 */
public record OperatorInfo(String uid, String vertexId, int parallelism, int maxParallelism) {
    public OperatorInfo {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(vertexId, "vertexId");
    }
}
