package io.weir.planner.rules;

import io.weir.planner.logical.LogicalWatermarkAssigner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Planner rule that drops the fields nobody reads below a watermark assigner: it keeps the fields
 * a Calc above reads plus the rowtime field and those of the watermark expression. Only the
 * projection moves down; the Calc's filter stays above, since watermarks must see every row.
 */
public final class CalcWatermarkAssignerTransposeRule extends RelOptRule {
    public static final CalcWatermarkAssignerTransposeRule INSTANCE = new CalcWatermarkAssignerTransposeRule();

    @SuppressWarnings("deprecation")
    private CalcWatermarkAssignerTransposeRule() {
        super(operand(LogicalCalc.class, operand(LogicalWatermarkAssigner.class, any())),
            "CalcWatermarkAssignerTransposeRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalCalc calc = call.rel(0);
        LogicalWatermarkAssigner wa = call.rel(1);
        int n = wa.getRowType().getFieldCount();
        ImmutableBitSet needed = CalcRewrites.usedFields(calc)
            .union(ImmutableBitSet.of(wa.rowtimeIndex()))
            .union(RelOptUtil.InputFinder.bits(wa.watermarkExpr()));
        if (needed.cardinality() == n) {
            return;
        }
        Mappings.TargetMapping mapping = CalcRewrites.keep(needed, n);
        LogicalCalc below = CalcRewrites.project(wa.getInput(), needed);
        LogicalWatermarkAssigner narrowed = wa.copy(below, mapping.getTarget(wa.rowtimeIndex()),
            wa.watermarkExpr().accept(RexPermuteInputsShuttle.of(mapping)));
        call.transformTo(CalcRewrites.remap(calc, narrowed, mapping));
    }
}
