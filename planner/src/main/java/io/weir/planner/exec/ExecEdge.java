package io.weir.planner.exec;

/**
 * An input of an {@link ExecNode}: where the rows come from and how they are distributed.
 *
 * @param source the producing node
 * @param partitioning FORWARD (same subtask, chainable), HASH by {@code keys}, SINGLE (all to
 *     subtask 0) or REBALANCE (round robin, when parallelism changes)
 * @param keys input field positions of a HASH edge, else empty
 */
public record ExecEdge(ExecNode source, Partitioning partitioning, int[] keys) {

    /** How rows cross an edge. */
    public enum Partitioning { FORWARD, HASH, SINGLE, REBALANCE }

    @Override
    public String toString() {
        return partitioning == Partitioning.HASH ? "HASH" + java.util.Arrays.toString(keys) : partitioning.name();
    }
}
