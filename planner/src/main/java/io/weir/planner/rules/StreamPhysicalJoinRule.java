package io.weir.planner.rules;

import io.weir.planner.ValidationException;
import io.weir.planner.logical.LogicalIntervalJoin;
import io.weir.planner.physical.IntervalBounds;
import io.weir.planner.physical.StreamPhysicalExchange;
import io.weir.planner.physical.StreamPhysicalJoin;
import io.weir.planner.physical.StreamPhysicalRel;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

import java.util.ArrayList;
import java.util.List;

/**
 * Converts a {@link LogicalJoin} (inner or outer) into a {@link StreamPhysicalJoin}: the condition
 * splits into equi-keys (each input hash-exchanged on its keys) and a residual condition.
 * Interval and temporal joins are recognized before this rule runs.
 */
public final class StreamPhysicalJoinRule extends ConverterRule {
    public static final StreamPhysicalJoinRule INSTANCE = new StreamPhysicalJoinRule(Config.INSTANCE
        .withConversion(LogicalJoin.class, Convention.NONE, StreamPhysicalRel.CONVENTION, "StreamPhysicalJoinRule")
        .withRuleFactory(StreamPhysicalJoinRule::new));

    private StreamPhysicalJoinRule(Config config) {
        super(config);
    }

    /** Converts a {@link LogicalIntervalJoin} into an interval {@link StreamPhysicalJoin}. */
    public static final ConverterRule INTERVAL = new ConverterRule(Config.INSTANCE
        .withConversion(LogicalIntervalJoin.class, Convention.NONE, StreamPhysicalRel.CONVENTION, "StreamPhysicalIntervalJoinRule")
        .withRuleFactory(c -> null)) {
        @Override
        public RelNode convert(RelNode rel) {
            LogicalIntervalJoin j = (LogicalIntervalJoin) rel;
            return StreamPhysicalJoinRule.physical(this, j, j.getLeft(), j.getRight(), j.joinType(), j.condition(),
                j.bounds());
        }
    };

    @Override
    public RelNode convert(RelNode rel) {
        LogicalJoin join = (LogicalJoin) rel;
        return physical(this, join, join.getLeft(), join.getRight(), join.getJoinType(), join.getCondition(), null);
    }

    static RelNode physical(ConverterRule rule, RelNode join, RelNode leftIn, RelNode rightIn, JoinRelType type,
                            RexNode joinCondition, IntervalBounds interval) {
        if (type != JoinRelType.INNER && type != JoinRelType.LEFT && type != JoinRelType.RIGHT && type != JoinRelType.FULL) {
            throw new ValidationException("not supported yet: " + type + " join");
        }
        List<Integer> leftKeys = new ArrayList<>();
        List<Integer> rightKeys = new ArrayList<>();
        List<Boolean> filterNulls = new ArrayList<>();
        List<RexNode> residual = new ArrayList<>();
        RelOptUtil.splitJoinCondition(leftIn, rightIn, joinCondition,
            leftKeys, rightKeys, filterNulls, residual);
        boolean filterNullKeys = filterNulls.stream().allMatch(b -> b);
        if (!filterNullKeys && filterNulls.stream().anyMatch(b -> b)) {
            throw new ValidationException("not supported yet: a join mixing '=' and 'IS NOT DISTINCT FROM' keys");
        }
        RexNode rest = RexUtil.composeConjunction(join.getCluster().getRexBuilder(), residual);
        RexNode condition = rest.isAlwaysTrue() ? null : rest;
        if (condition != null && RexUtil.containsCorrelation(condition)) {
            throw new ValidationException("not supported yet: correlated join conditions");
        }
        RelNode left = exchange(leftIn, leftKeys);
        RelNode right = exchange(rightIn, rightKeys);
        return new StreamPhysicalJoin(join.getCluster(), join.getTraitSet().replace(StreamPhysicalRel.CONVENTION),
            left, right, type, leftKeys, rightKeys, condition, filterNullKeys, interval, join.getRowType());
    }

    private static RelNode exchange(RelNode input, List<Integer> keys) {
        RelNode physical = convert(input, input.getTraitSet().replace(StreamPhysicalRel.CONVENTION));
        return StreamPhysicalExchange.byKeys(physical, keys);
    }
}
