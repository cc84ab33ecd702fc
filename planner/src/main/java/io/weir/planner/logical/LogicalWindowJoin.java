package io.weir.planner.logical;

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
 * A window join: two inputs windowed by the same window, joined on their {@code window_start} and
 * {@code window_end} (fields {@code leftWindowEnd}/{@code rightWindowEnd} name the ends) and on
 * {@code condition} (the rest of the join condition over {@code left ++ right}; null for none). Output:
 * left fields then right fields. Made by {@code io.weir.planner.rules.WindowJoinRule}.
 */
public final class LogicalWindowJoin extends BiRel {
    private final JoinRelType joinType;
    private final RexNode condition;
    private final int leftWindowEnd;
    private final int rightWindowEnd;
    private final WindowSpec window;

    public LogicalWindowJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right,
                             JoinRelType joinType, RexNode condition, int leftWindowEnd, int rightWindowEnd,
                             WindowSpec window, RelDataType rowType) {
        super(cluster, traits, left, right);
        this.joinType = joinType;
        this.condition = condition;
        this.leftWindowEnd = leftWindowEnd;
        this.rightWindowEnd = rightWindowEnd;
        this.window = window;
        this.rowType = rowType;
    }

    public JoinRelType joinType() { return joinType; }

    public RexNode condition() { return condition; }

    public int leftWindowEnd() { return leftWindowEnd; }

    public int rightWindowEnd() { return rightWindowEnd; }

    public WindowSpec window() { return window; }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new LogicalWindowJoin(getCluster(), traitSet, inputs.get(0), inputs.get(1), joinType, condition,
            leftWindowEnd, rightWindowEnd, window, rowType);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("joinType", joinType).item("window", window)
            .item("condition", String.valueOf(condition));
    }
}
