package io.weir.planner.rules;

import io.weir.planner.logical.LogicalWindowJoin;
import io.weir.planner.physical.StreamPhysicalExchange;
import io.weir.planner.physical.StreamPhysicalRel;
import io.weir.planner.physical.StreamPhysicalWindowJoin;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

import java.util.ArrayList;
import java.util.List;

/**
 * Planner rule that converts a {@link LogicalWindowJoin} into a {@link StreamPhysicalWindowJoin}: the
 * condition splits into equi-keys (each input hash-exchanged on its keys) and a residual condition; with
 * nullable keys the whole condition stays the residual too, so that NULL keys match nothing.
 */
public final class StreamPhysicalWindowJoinRule extends ConverterRule {
    public static final StreamPhysicalWindowJoinRule INSTANCE = new StreamPhysicalWindowJoinRule(Config.INSTANCE
        .withConversion(LogicalWindowJoin.class, Convention.NONE, StreamPhysicalRel.CONVENTION,
            "StreamPhysicalWindowJoinRule")
        .withRuleFactory(StreamPhysicalWindowJoinRule::new));

    private StreamPhysicalWindowJoinRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalWindowJoin j = (LogicalWindowJoin) rel;
        List<Integer> leftKeys = new ArrayList<>();
        List<Integer> rightKeys = new ArrayList<>();
        List<Boolean> filterNulls = new ArrayList<>();
        List<RexNode> residual = new ArrayList<>();
        var rex = j.getCluster().getRexBuilder();
        RexNode condition = j.condition() == null ? rex.makeLiteral(true) : j.condition();
        RelOptUtil.splitJoinCondition(j.getLeft(), j.getRight(), condition, leftKeys, rightKeys, filterNulls, residual);
        boolean nullableKeys = false;
        for (int i = 0; i < leftKeys.size(); i++) {
            nullableKeys |= filterNulls.get(i)
                && (j.getLeft().getRowType().getFieldList().get(leftKeys.get(i)).getType().isNullable()
                || j.getRight().getRowType().getFieldList().get(rightKeys.get(i)).getType().isNullable());
        }
        RexNode rest = nullableKeys ? condition : RexUtil.composeConjunction(rex, residual);
        RelNode left = exchange(j.getLeft(), leftKeys);
        RelNode right = exchange(j.getRight(), rightKeys);
        return new StreamPhysicalWindowJoin(j.getCluster(), j.getTraitSet().replace(StreamPhysicalRel.CONVENTION),
            left, right, j.joinType(), leftKeys, rightKeys, rest.isAlwaysTrue() ? null : rest, j.leftWindowEnd(),
            j.rightWindowEnd(), j.window(), j.getRowType());
    }

    private static RelNode exchange(RelNode input, List<Integer> keys) {
        RelNode physical = convert(input, input.getTraitSet().replace(StreamPhysicalRel.CONVENTION));
        return StreamPhysicalExchange.byKeys(physical, keys);
    }
}
