package io.weir.planner.logical;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rex.RexNode;

import java.util.List;

/**
 * Assigns watermarks from a table's {@code WATERMARK FOR rowtime AS expr} declaration; rows pass
 * through unchanged, and field {@code rowtimeIndex} becomes a rowtime attribute.
 */
public final class LogicalWatermarkAssigner extends SingleRel {
    private final int rowtimeIndex;
    private final RexNode watermarkExpr;

    public LogicalWatermarkAssigner(RelOptCluster cluster, RelTraitSet traits, RelNode input,
                                    int rowtimeIndex, RexNode watermarkExpr) {
        super(cluster, traits, input);
        this.rowtimeIndex = rowtimeIndex;
        this.watermarkExpr = watermarkExpr;
    }

    public int rowtimeIndex() {
        return rowtimeIndex;
    }

    /** The watermark expression over this node's input row. */
    public RexNode watermarkExpr() {
        return watermarkExpr;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new LogicalWatermarkAssigner(getCluster(), traitSet, sole(inputs), rowtimeIndex, watermarkExpr);
    }

    /** A copy over a new input with new field positions (after field trimming). */
    public LogicalWatermarkAssigner copy(RelNode input, int newRowtimeIndex, RexNode newExpr) {
        return new LogicalWatermarkAssigner(getCluster(), traitSet, input, newRowtimeIndex, newExpr);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw)
            .item("rowtime", getRowType().getFieldNames().get(rowtimeIndex))
            .item("watermark", watermarkExpr);
    }
}
