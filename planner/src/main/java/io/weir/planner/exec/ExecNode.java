package io.weir.planner.exec;

import io.weir.runtime.connector.ChangelogMode;

import java.util.ArrayList;
import java.util.List;

/**
 * One operator of a planned job: its spec, a stable uid derived from the plan (state maps back
 * by uid after a restart or a plan change elsewhere), its parallelism and its input edges (several
 * edges into the one input for a union).
 */
public final class ExecNode {
    private final String uid;
    private final String kind;
    private final String description;
    private final OperatorSpec spec;
    private final int parallelism;
    private final ChangelogMode outputMode;
    private final List<ExecEdge> inputs;
    private final int[] redistributionKey;

    ExecNode(String uid, String kind, String description, OperatorSpec spec, int parallelism,
             ChangelogMode outputMode, List<ExecEdge> inputs, int[] redistributionKey) {
        this.redistributionKey = redistributionKey.clone();
        this.uid = uid;
        this.kind = kind;
        this.description = description;
        this.spec = spec;
        this.parallelism = parallelism;
        this.outputMode = outputMode;
        this.inputs = List.copyOf(inputs);
    }

    public String uid() { return uid; }

    /** The EXPLAIN name, e.g. {@code GroupAggregate}. */
    public String kind() { return kind; }

    /** The EXPLAIN line of the node, used as the operator's name. */
    public String description() { return description; }

    public OperatorSpec spec() { return spec; }

    public int parallelism() { return parallelism; }

    public ChangelogMode outputMode() { return outputMode; }

    public List<ExecEdge> inputs() { return inputs; }

    /**
     * The fields to hash by when this node's output must move to another parallelism: its
     * smallest unique key, or all fields; so that the changes of one key (or one row) stay in order.
     */
    public int[] redistributionKey() { return redistributionKey.clone(); }

    /** The producing nodes, in edge order. */
    public List<ExecNode> inputNodes() {
        List<ExecNode> out = new ArrayList<>();
        inputs.forEach(e -> out.add(e.source()));
        return out;
    }

    @Override
    public String toString() {
        return kind + "[" + uid + ", p=" + parallelism + "]";
    }
}
