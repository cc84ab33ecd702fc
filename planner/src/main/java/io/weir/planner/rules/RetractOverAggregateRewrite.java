package io.weir.planner.rules;

import io.weir.planner.ValidationException;
import io.weir.planner.physical.StreamPhysicalOverAggregate;
import io.weir.planner.physical.StreamPhysicalRel;
import io.weir.planner.physical.StreamPhysicalRetractOverAggregate;
import io.weir.runtime.connector.ChangelogMode;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites a streaming physical plan so that every {@link StreamPhysicalOverAggregate} (ordered by a
 * time attribute, insert-only input only, as in Flink) whose input turns out to be updating becomes a
 * {@link StreamPhysicalRetractOverAggregate} ordered by the same column (a Weir extension; Flink
 * refuses the query). Insert-only inputs keep the plan exactly as it was.
 *
 * <p>Runs on the planning thread after Volcano, before the plan's properties are inferred: the
 * input's mode is derived here bottom-up with {@code -U} assumed required, which does not change
 * whether a stream is insert-only.
 */
public final class RetractOverAggregateRewrite {
    private final Map<RelNode, ChangelogMode> modes = new IdentityHashMap<>();

    private RetractOverAggregateRewrite() {
    }

    /** The plan under {@code root} with OVER aggregations over updating inputs switched to retract mode. */
    public static RelNode rewrite(RelNode root) {
        return new RetractOverAggregateRewrite().visit(root);
    }

    private RelNode visit(RelNode node) {
        List<RelNode> inputs = new ArrayList<>();
        boolean changed = false;
        for (RelNode input : node.getInputs()) {
            RelNode rewritten = visit(input);
            changed |= rewritten != input;
            inputs.add(rewritten);
        }
        RelNode n = changed ? node.copy(node.getTraitSet(), inputs) : node;
        if (n instanceof StreamPhysicalOverAggregate && !mode(n.getInput(0)).isInsertOnly()) {
            return toRetract((StreamPhysicalOverAggregate) n);
        }
        return n;
    }

    private static RelNode toRetract(StreamPhysicalOverAggregate o) {
        String time = o.getInput().getRowType().getFieldNames().get(o.timeIndex());
        if (!o.rowtime()) {
            throw new ValidationException("not supported yet: OVER aggregation ordered by the processing-time attribute '"
                + time + "' over an updating input; order by a rowtime or a regular column");
        }
        if (!o.rows() && o.preceding() >= 0) {
            throw new ValidationException("not supported yet: OVER window RANGE BETWEEN " + o.preceding()
                + " ms PRECEDING ordered by '" + time + "' over an updating input; use ROWS BETWEEN n PRECEDING or"
                + " RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW");
        }
        return new StreamPhysicalRetractOverAggregate(o.getCluster(), o.getTraitSet(), o.getInput(), o.partitionKey(),
            RelCollations.of(new RelFieldCollation(o.timeIndex(), RelFieldCollation.Direction.ASCENDING,
                RelFieldCollation.NullDirection.UNSPECIFIED)), o.rows(), o.preceding(), o.aggCalls(),
            o.getRowType());
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
        ChangelogMode m = ((StreamPhysicalRel) node).changelogMode(in, true);
        modes.put(node, m);
        return m;
    }
}
