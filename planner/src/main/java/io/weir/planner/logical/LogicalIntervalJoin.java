package io.weir.planner.logical;

import io.weir.planner.physical.IntervalBounds;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.BiRel;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;

import java.util.List;

/**
 * A join whose condition bounds the distance of two time attributes ({@link IntervalBounds}), so
 * rows can be dropped from state once the watermark (clock) passes; {@code condition} is the rest of
 * the join condition (equi-keys and residual) over {@code left ++ right}. Recognized by
 * {@code io.weir.planner.rules.IntervalJoinRule}.
 */
public final class LogicalIntervalJoin extends BiRel {
    private final JoinRelType joinType;
    private final RexNode condition;
    private final IntervalBounds bounds;

    public LogicalIntervalJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right,
                               JoinRelType joinType, RexNode condition, IntervalBounds bounds, RelDataType rowType) {
        super(cluster, traits, left, right);
        this.joinType = joinType;
        this.condition = condition;
        this.bounds = bounds;
        this.rowType = rowType;
    }

    public JoinRelType joinType() { return joinType; }

    public RexNode condition() { return condition; }

    public IntervalBounds bounds() { return bounds; }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new LogicalIntervalJoin(getCluster(), traitSet, inputs.get(0), inputs.get(1), joinType, condition, bounds,
            rowType);
    }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("joinType", joinType).item("condition", condition).item("bounds", bounds);
    }
}
