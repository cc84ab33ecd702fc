package io.weir.planner.rules;

import io.weir.planner.logical.LogicalSourceScan;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Planner rule that pushes the fields a Calc reads into the source scan below it, so that the
 * source reads only those columns (projection push-down).
 */
public final class SourceProjectionPushDownRule extends RelOptRule {
    public static final SourceProjectionPushDownRule INSTANCE = new SourceProjectionPushDownRule();

    @SuppressWarnings("deprecation")
    private SourceProjectionPushDownRule() {
        super(operand(LogicalCalc.class, operand(LogicalSourceScan.class, none())), "SourceProjectionPushDownRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalCalc calc = call.rel(0);
        LogicalSourceScan scan = call.rel(1);
        int n = scan.getRowType().getFieldCount();
        ImmutableBitSet used = CalcRewrites.usedFields(calc);
        if (used.isEmpty()) {
            used = ImmutableBitSet.of(0);
        }
        if (used.cardinality() == n) {
            return;
        }
        RelNode narrow = scan.project(used, java.util.Set.of(), null);
        call.transformTo(CalcRewrites.remap(calc, narrow, CalcRewrites.keep(used, n)));
    }
}
