package io.weir.planner.exec;

/**
 * An input of an {@link ExecNode}: where the rows come from and how they are distributed.
 *
 * @param source the producing node
 * @param partitioning FORWARD (same subtask, chainable), HASH by {@code keys}, SINGLE (all to
 *     subtask 0) or REBALANCE (round robin, when parallelism changes)
 * @param keys input field positions of a HASH edge, else empty
 * @param input which input of the target the edge feeds (0, or 1 for the right side of a join)
 */
public record ExecEdge(ExecNode source, Partitioning partitioning, int[] keys, int input) {

    public ExecEdge(ExecNode source, Partitioning partitioning, int[] keys) {
        this(source, partitioning, keys, 0);
    }

    /** This edge feeding input {@code i} of its target. */
    public ExecEdge toInput(int i) {
        return new ExecEdge(source, partitioning, keys, i);
    }

    /** How rows cross an edge. */
    public enum Partitioning { FORWARD, HASH, SINGLE, REBALANCE }

    @Override
    public String toString() {
        String p = partitioning == Partitioning.HASH ? "HASH" + java.util.Arrays.toString(keys) : partitioning.name();
        return input == 0 ? p : p + "#" + input;
    }
}
