package io.weir.runtime.graph;

import java.util.Objects;

/**
 * A connection from the last operator of vertex {@code sourceId} to input {@code targetInput} of
 * the head of vertex {@code targetId} (0 for one-input heads; 0 = left, 1 = right for two-input
 * heads). Several edges may end in the same input (a union) and one vertex may feed several edges.
 */
public final class JobEdge {
    private final int sourceId;
    private final int targetId;
    private final int targetInput;
    private final Partitioner partitioner;

    public JobEdge(int sourceId, int targetId, int targetInput, Partitioner partitioner) {
        if (targetInput < 0 || targetInput > 1) {
            throw new IllegalArgumentException("target input must be 0 or 1: " + targetInput);
        }
        this.sourceId = sourceId;
        this.targetId = targetId;
        this.targetInput = targetInput;
        this.partitioner = Objects.requireNonNull(partitioner, "partitioner");
    }

    public int sourceId() { return sourceId; }
    public int targetId() { return targetId; }
    public int targetInput() { return targetInput; }
    public Partitioner partitioner() { return partitioner; }

    @Override
    public String toString() {
        return sourceId + " -" + partitioner + "-> " + targetId + "[" + targetInput + "]";
    }
}
