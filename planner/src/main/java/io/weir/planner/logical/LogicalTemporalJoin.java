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
 * A temporal (versioned table) join: {@code left JOIN right FOR SYSTEM_TIME AS OF left.t ON cond};
 * each left row joins the version of {@code right} valid at the left row's field
 * {@code leftTimeIndex}. {@code condition} is over {@code left ++ right} (null: none). Recognized by
 * {@code io.weir.planner.rules.TemporalJoinRule}. It is not a {@code Join}, so that no join rule moves
 * filters into the versioned table (that would change which version is valid).
 */
public final class LogicalTemporalJoin extends BiRel {
    private final JoinRelType joinType;
    private final RexNode condition;
    private final int leftTimeIndex;

    public LogicalTemporalJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right,
                               JoinRelType joinType, RexNode condition, int leftTimeIndex, RelDataType rowType) {
        super(cluster, traits, left, right);
        this.joinType = joinType;
        this.condition = condition;
        this.leftTimeIndex = leftTimeIndex;
        this.rowType = rowType;
    }

    public JoinRelType joinType() {
        return joinType;
    }

    /** The join condition over {@code left ++ right}, or null. */
    public RexNode condition() {
        return condition;
    }

    /** The left field of {@code FOR SYSTEM_TIME AS OF}. */
    public int leftTimeIndex() {
        return leftTimeIndex;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new LogicalTemporalJoin(getCluster(), traitSet, inputs.get(0), inputs.get(1), joinType, condition,
            leftTimeIndex, rowType);
    }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("joinType", joinType).item("condition", condition)
            .item("asOf", getLeft().getRowType().getFieldNames().get(leftTimeIndex));
    }
}
