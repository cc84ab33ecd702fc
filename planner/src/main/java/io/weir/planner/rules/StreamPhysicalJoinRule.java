package io.weir.planner.rules;

import io.weir.planner.ValidationException;
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

    @Override
    public RelNode convert(RelNode rel) {
        LogicalJoin join = (LogicalJoin) rel;
        if (join.getJoinType() != JoinRelType.INNER && join.getJoinType() != JoinRelType.LEFT
            && join.getJoinType() != JoinRelType.RIGHT && join.getJoinType() != JoinRelType.FULL) {
            throw new ValidationException("not supported yet: " + join.getJoinType() + " join");
        }
        List<Integer> leftKeys = new ArrayList<>();
        List<Integer> rightKeys = new ArrayList<>();
        List<Boolean> filterNulls = new ArrayList<>();
        List<RexNode> residual = new ArrayList<>();
        RelOptUtil.splitJoinCondition(join.getLeft(), join.getRight(), join.getCondition(),
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
        RelNode left = exchange(join.getLeft(), leftKeys);
        RelNode right = exchange(join.getRight(), rightKeys);
        return new StreamPhysicalJoin(join.getCluster(), join.getTraitSet().replace(StreamPhysicalRel.CONVENTION),
            left, right, join.getJoinType(), leftKeys, rightKeys, condition, filterNullKeys, join.getRowType());
    }

    private RelNode exchange(RelNode input, List<Integer> keys) {
        RelNode physical = convert(input, input.getTraitSet().replace(StreamPhysicalRel.CONVENTION));
        return StreamPhysicalExchange.byKeys(physical, keys);
    }
}
