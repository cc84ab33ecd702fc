package io.weir.runtime.graph;

import io.weir.runtime.operators.OperatorFactory;
import java.util.List;
import java.util.Objects;

/**
 * One vertex of a {@link JobGraph}: a chain of operators that run in one task per subtask, calling
 * each other directly. The head is a source operator (no inputs), a one-input or a two-input
 * operator; every further operator of the chain is a one-input operator fed by the one before.
 */
public final class JobVertex {
    private final int id;
    private final String name;
    private final String uid;
    private final List<OperatorFactory> chain;
    private final int parallelism;
    private final int maxParallelism;

    /**
     * @param id             unique in its graph, assigned by {@link JobGraph.Builder}
     * @param parallelism    number of subtasks, {@code >= 1}
     * @param maxParallelism number of key groups, {@code >= parallelism}
     */
    public JobVertex(int id, String name, String uid, List<OperatorFactory> chain, int parallelism, int maxParallelism) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("vertex '" + name + "' has no operators");
        }
        if (parallelism < 1 || maxParallelism < parallelism) {
            throw new IllegalArgumentException("vertex '" + name + "': parallelism " + parallelism
                + " must be in [1, max parallelism " + maxParallelism + "]");
        }
        this.id = id;
        this.name = Objects.requireNonNull(name, "name");
        this.uid = Objects.requireNonNull(uid, "uid");
        this.chain = List.copyOf(chain);
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
    }

    public int id() { return id; }
    public String name() { return name; }
    public String uid() { return uid; }

    /** The operators in chain order; index 0 is the head. */
    public List<OperatorFactory> chain() { return chain; }

    public OperatorFactory head() { return chain.get(0); }
    public int parallelism() { return parallelism; }
    public int maxParallelism() { return maxParallelism; }

    @Override
    public String toString() {
        return "Vertex#" + id + "(" + name + ", p=" + parallelism + ")";
    }
}
