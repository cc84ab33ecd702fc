package io.weir.planner.properties;

import io.weir.planner.ValidationException;
import io.weir.planner.physical.StreamPhysicalCalc;
import io.weir.planner.physical.StreamPhysicalExchange;
import io.weir.planner.physical.StreamPhysicalRel;
import io.weir.planner.physical.StreamPhysicalSink;
import io.weir.planner.physical.StreamPhysicalUnion;
import io.weir.planner.physical.StreamPhysicalWatermarkAssigner;
import io.weir.runtime.connector.ChangelogMode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The physical properties of every node of a streaming physical plan (a DAG whose roots are
 * sinks): unique keys and time attributes (bottom-up), whether a consumer needs {@code -U} rows
 * (top-down from the sinks), and the changelog mode (bottom-up, knowing the previous). Sinks are
 * checked against the modes they accept.
 *
 * <p>Computed once per plan on the planning thread; immutable afterwards.
 */
public final class PhysicalProperties {
    private final Map<RelNode, Set<ImmutableBitSet>> uniqueKeys = new IdentityHashMap<>();
    private final Map<RelNode, TimeAttribute[]> timeAttributes = new IdentityHashMap<>();
    private final Map<RelNode, Boolean> updateBeforeRequired = new IdentityHashMap<>();
    private final Map<RelNode, ChangelogMode> modes = new IdentityHashMap<>();

    private PhysicalProperties() {
    }

    /** Infers the properties of the plans under {@code sinks} and checks the sinks. */
    public static PhysicalProperties infer(List<StreamPhysicalSink> sinks) {
        PhysicalProperties p = new PhysicalProperties();
        for (StreamPhysicalSink sink : sinks) {
            p.keys(sink);
            p.times(sink);
        }
        for (StreamPhysicalSink sink : sinks) {
            boolean ub = sink.requiresUpdateBefore(p.uniqueKeys.get(sink.getInput()));
            p.requireUpdateBefore(sink.getInput(), ub);
        }
        for (StreamPhysicalSink sink : sinks) {
            p.mode(sink);
            p.checkSink(sink);
        }
        return p;
    }

    public ChangelogMode changelogMode(RelNode node) {
        return modes.get(node);
    }

    public Set<ImmutableBitSet> uniqueKeys(RelNode node) {
        return uniqueKeys.get(node);
    }

    public TimeAttribute[] timeAttributes(RelNode node) {
        return timeAttributes.get(node);
    }

    /** Whether {@code node} must emit {@code -U} before {@code +U} (its {@code generateUpdateBefore}). */
    public boolean updateBeforeRequired(RelNode node) {
        return updateBeforeRequired.getOrDefault(node, false);
    }

    private Set<ImmutableBitSet> keys(RelNode node) {
        Set<ImmutableBitSet> known = uniqueKeys.get(node);
        if (known != null) {
            return known;
        }
        List<Set<ImmutableBitSet>> in = new ArrayList<>();
        for (RelNode input : node.getInputs()) {
            in.add(keys(input));
        }
        Set<ImmutableBitSet> k = rel(node).uniqueKeys(in);
        uniqueKeys.put(node, k);
        return k;
    }

    private TimeAttribute[] times(RelNode node) {
        TimeAttribute[] known = timeAttributes.get(node);
        if (known != null) {
            return known;
        }
        List<TimeAttribute[]> in = new ArrayList<>();
        for (RelNode input : node.getInputs()) {
            in.add(times(input));
        }
        TimeAttribute[] t = rel(node).timeAttributes(in);
        timeAttributes.put(node, t);
        return t;
    }

    /** A node shared by several consumers must emit -U if any of them needs it. */
    private void requireUpdateBefore(RelNode node, boolean required) {
        Boolean before = updateBeforeRequired.get(node);
        boolean now = required || Boolean.TRUE.equals(before);
        if (before != null && before == now) {
            return;
        }
        updateBeforeRequired.put(node, now);
        for (int i = 0; i < node.getInputs().size(); i++) {
            requireUpdateBefore(node.getInput(i), rel(node).requiresUpdateBefore(i, now));
        }
    }

    private ChangelogMode mode(RelNode node) {
        ChangelogMode known = modes.get(node);
        if (known != null) {
            return known;
        }
        List<ChangelogMode> in = new ArrayList<>();
        for (RelNode input : node.getInputs()) {
            in.add(mode(input));
        }
        ChangelogMode m = rel(node).changelogMode(in, updateBeforeRequired(node));
        modes.put(node, m);
        return m;
    }

    private void checkSink(StreamPhysicalSink sink) {
        ChangelogMode in = modes.get(sink.getInput());
        if (in.isInsertOnly()) {
            return;
        }
        ChangelogMode accepted = sink.acceptedMode();
        if (accepted.isInsertOnly()) {
            throw new ValidationException("Table sink '" + sink.sinkName() + "' doesn't support consuming update"
                + " changes which are produced by node " + producer(sink.getInput()));
        }
        if (sink.isUpsertSink()) {
            if (sink.table().primaryKey().isEmpty()) {
                throw new ValidationException("Table sink '" + sink.sinkName() + "' writes upserts and needs a"
                    + " PRIMARY KEY to consume the update changes produced by node " + producer(sink.getInput()));
            }
            if (in.contains(io.weir.runtime.data.RowKind.UPDATE_BEFORE)) {
                throw new ValidationException("not supported yet: table sink '" + sink.sinkName() + "' writes upserts,"
                    + " but the updates produced by node " + producer(sink.getInput()) + " are filtered on their way"
                    + " (a filter over updates needs UPDATE_BEFORE rows, which an upsert sink cannot apply)");
            }
            if (!sink.updatesByPrimaryKey(uniqueKeys.get(sink.getInput()))) {
                throw new ValidationException("not supported yet: the updates produced by node "
                    + producer(sink.getInput()) + " are not keyed by the primary key " + sink.table().primaryKey()
                    + " of table sink '" + sink.sinkName() + "' (an upsert materializer is needed)");
            }
        }
        if (!accepted.covers(in) && !(sink.isUpsertSink() && in.kinds().stream()
            .allMatch(k -> k == io.weir.runtime.data.RowKind.UPDATE_BEFORE || accepted.contains(k)))) {
            throw new ValidationException("Table sink '" + sink.sinkName() + "' accepts changelogMode=["
                + ChangelogModes.explain(accepted) + "] but node " + producer(sink.getInput()) + " produces ["
                + ChangelogModes.explain(in) + "]");
        }
    }

    /** The node that first produces the updates reaching {@code node}, in EXPLAIN form. */
    private String producer(RelNode node) {
        RelNode n = node;
        while (n instanceof StreamPhysicalCalc || n instanceof StreamPhysicalExchange
            || n instanceof StreamPhysicalWatermarkAssigner || n instanceof StreamPhysicalUnion) {
            RelNode next = null;
            for (RelNode input : n.getInputs()) {
                if (!modes.get(input).isInsertOnly()) {
                    next = input;
                    break;
                }
            }
            if (next == null) {
                break;
            }
            n = next;
        }
        return io.weir.planner.explain.PlanPrinter.describe(n);
    }

    private static StreamPhysicalRel rel(RelNode node) {
        if (!(node instanceof StreamPhysicalRel)) {
            throw new IllegalStateException("not a streaming physical node: " + node);
        }
        return (StreamPhysicalRel) node;
    }
}
