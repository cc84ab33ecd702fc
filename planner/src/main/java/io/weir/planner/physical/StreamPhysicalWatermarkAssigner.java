package io.weir.planner.physical;

import io.weir.planner.explain.PlanFormat;
import io.weir.planner.properties.TimeAttribute;
import io.weir.runtime.connector.ChangelogMode;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.List;
import java.util.Set;

/**
 * Generates watermarks from a table's declaration; rows pass through unchanged. The operator
 * needs: {@link #rowtimeIndex()} (the event time of a row) and the generated
 * {@code WatermarkExpression} of {@link #watermarkExpr()} over the input row; it emits the
 * maximum watermark seen, periodically ({@code pipeline.auto-watermark-interval}) and honours
 * {@code table.exec.source.idle-timeout}.
 */
public final class StreamPhysicalWatermarkAssigner extends SingleRel implements StreamPhysicalRel {
    private final int rowtimeIndex;
    private final RexNode watermarkExpr;

    public StreamPhysicalWatermarkAssigner(RelOptCluster cluster, RelTraitSet traits, RelNode input,
                                           int rowtimeIndex, RexNode watermarkExpr) {
        super(cluster, traits, input);
        this.rowtimeIndex = rowtimeIndex;
        this.watermarkExpr = watermarkExpr;
    }

    public int rowtimeIndex() {
        return rowtimeIndex;
    }

    public RexNode watermarkExpr() {
        return watermarkExpr;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new StreamPhysicalWatermarkAssigner(getCluster(), traitSet, sole(inputs), rowtimeIndex, watermarkExpr);
    }

    @Override
    public String explainName() {
        return "WatermarkAssigner";
    }

    @Override
    public ChangelogMode changelogMode(List<ChangelogMode> inputModes, boolean updateBeforeRequired) {
        return inputModes.get(0);
    }

    @Override
    public Set<ImmutableBitSet> uniqueKeys(List<Set<ImmutableBitSet>> inputKeys) {
        return inputKeys.get(0);
    }

    @Override
    public TimeAttribute[] timeAttributes(List<TimeAttribute[]> inputs) {
        TimeAttribute[] out = inputs.get(0).clone();
        out[rowtimeIndex] = TimeAttribute.ROWTIME;
        return out;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        List<String> names = getInput().getRowType().getFieldNames();
        return super.explainTerms(pw).item("rowtime", names.get(rowtimeIndex))
            .item("watermark", PlanFormat.expr(watermarkExpr, names));
    }
}
