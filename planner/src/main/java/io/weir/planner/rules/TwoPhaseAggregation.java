package io.weir.planner.rules;

import io.weir.planner.physical.StreamPhysicalExchange;
import io.weir.planner.physical.StreamPhysicalGlobalGroupAggregate;
import io.weir.planner.physical.StreamPhysicalGroupAggregate;
import io.weir.planner.physical.StreamPhysicalLocalGroupAggregate;
import io.weir.planner.properties.PhysicalProperties;
import io.weir.runtime.connector.ChangelogMode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.sql.SqlKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * With mini-batch enabled, splits {@code GroupAggregate <- Exchange <- X} into
 * {@code GlobalGroupAggregate <- Exchange <- LocalGroupAggregate <- X}, so that each subtask
 * pre-aggregates its mini-batch before the shuffle (less traffic and state access for hot keys).
 * Applied only where the result is the same as one-phase aggregation: no DISTINCT, only COUNT,
 * SUM, SUM0, AVG, MIN and MAX, and MIN/MAX only over insert-only input (a local value-count map
 * cannot retract a value it never saw). Runs on the chosen physical plan, knowing changelog modes.
 */
public final class TwoPhaseAggregation {
    private static final Set<SqlKind> MERGEABLE = Set.of(SqlKind.COUNT, SqlKind.SUM, SqlKind.SUM0, SqlKind.AVG,
        SqlKind.MIN, SqlKind.MAX);

    private final PhysicalProperties props;

    private TwoPhaseAggregation(PhysicalProperties props) {
        this.props = props;
    }

    /** The plan under {@code root} with eligible aggregations split; {@code root} itself if none. */
    public static RelNode rewrite(RelNode root, PhysicalProperties props) {
        return new TwoPhaseAggregation(props).visit(root);
    }

    private RelNode visit(RelNode node) {
        List<RelNode> inputs = new ArrayList<>();
        boolean changed = false;
        for (RelNode in : node.getInputs()) {
            RelNode v = visit(in);
            changed |= v != in;
            inputs.add(v);
        }
        RelNode current = changed ? node.copy(node.getTraitSet(), inputs) : node;
        if (current.getClass() == StreamPhysicalGroupAggregate.class && node.getInput(0) instanceof StreamPhysicalExchange) {
            return split((StreamPhysicalGroupAggregate) current, props.changelogMode(node.getInput(0).getInput(0)));
        }
        return current;
    }

    private static RelNode split(StreamPhysicalGroupAggregate agg, ChangelogMode inputMode) {
        StreamPhysicalExchange exchange = (StreamPhysicalExchange) agg.getInput();
        RelNode input = exchange.getInput();
        for (AggregateCall c : agg.aggCalls()) {
            boolean minMax = c.getAggregation().getKind() == SqlKind.MIN || c.getAggregation().getKind() == SqlKind.MAX;
            if (c.isDistinct() || !MERGEABLE.contains(c.getAggregation().getKind()) || (minMax && !inputMode.isInsertOnly())) {
                return agg;
            }
        }
        StreamPhysicalLocalGroupAggregate local = new StreamPhysicalLocalGroupAggregate(agg.getCluster(),
            agg.getTraitSet(), input, agg.grouping(), agg.aggCalls());
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < agg.grouping().cardinality(); i++) {
            keys.add(i);
        }
        StreamPhysicalExchange shuffle = StreamPhysicalExchange.byKeys(local, keys);
        return new StreamPhysicalGlobalGroupAggregate(agg.getCluster(), agg.getTraitSet(), shuffle, agg.grouping(),
            agg.aggCalls(), agg.getRowType(), input.getRowType(), StreamPhysicalGroupAggregate.needsRetraction(inputMode));
    }
}
