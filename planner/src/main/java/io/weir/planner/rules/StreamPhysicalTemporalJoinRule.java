package io.weir.planner.rules;

import io.weir.planner.logical.LogicalTemporalJoin;
import io.weir.planner.physical.StreamPhysicalExchange;
import io.weir.planner.physical.StreamPhysicalRel;
import io.weir.planner.physical.StreamPhysicalTemporalJoin;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

import java.util.ArrayList;
import java.util.List;

/**
 * Converts a {@link LogicalTemporalJoin} into a {@link StreamPhysicalTemporalJoin}: the condition
 * splits into equi-keys (each input hash-exchanged on them; {@link TemporalJoinRule} made sure there
 * is one) and a residual condition.
 */
public final class StreamPhysicalTemporalJoinRule extends ConverterRule {
    public static final StreamPhysicalTemporalJoinRule INSTANCE = new StreamPhysicalTemporalJoinRule(Config.INSTANCE
        .withConversion(LogicalTemporalJoin.class, Convention.NONE, StreamPhysicalRel.CONVENTION,
            "StreamPhysicalTemporalJoinRule")
        .withRuleFactory(StreamPhysicalTemporalJoinRule::new));

    private StreamPhysicalTemporalJoinRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalTemporalJoin join = (LogicalTemporalJoin) rel;
        List<Integer> leftKeys = new ArrayList<>();
        List<Integer> rightKeys = new ArrayList<>();
        List<Boolean> filterNulls = new ArrayList<>();
        List<RexNode> residual = new ArrayList<>();
        RexNode condition = join.condition() == null ? join.getCluster().getRexBuilder().makeLiteral(true)
            : join.condition();
        RelOptUtil.splitJoinCondition(join.getLeft(), join.getRight(), condition, leftKeys, rightKeys, filterNulls,
            residual);
        RexNode rest = RexUtil.composeConjunction(join.getCluster().getRexBuilder(), residual);
        RelNode left = exchange(join.getLeft(), leftKeys);
        RelNode right = exchange(join.getRight(), rightKeys);
        return new StreamPhysicalTemporalJoin(join.getCluster(), join.getTraitSet().replace(StreamPhysicalRel.CONVENTION),
            left, right, join.joinType(), leftKeys, rightKeys, rest.isAlwaysTrue() ? null : rest, join.leftTimeIndex(),
            join.getRowType());
    }

    private static RelNode exchange(RelNode input, List<Integer> keys) {
        RelNode physical = convert(input, input.getTraitSet().replace(StreamPhysicalRel.CONVENTION));
        return StreamPhysicalExchange.byKeys(physical, keys);
    }
}
