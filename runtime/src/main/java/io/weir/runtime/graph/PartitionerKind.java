package io.weir.runtime.graph;

/** How rows of an edge are distributed over the subtasks of the target vertex. */
public enum PartitionerKind {
    /** Subtask i sends to subtask i; both ends must have the same parallelism. */
    FORWARD,
    /** By key group of the row's key: {@code murmur(hash(key)) mod maxParallelism}, then the owner of that key group. */
    HASH,
    /** Round robin over all target subtasks. */
    REBALANCE,
    /** Every row to every target subtask. */
    BROADCAST,
    /** Everything to target subtask 0. */
    GLOBAL
}
