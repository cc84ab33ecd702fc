package io.weir.planner.rules;

import io.weir.planner.functions.WindowTableFunction;
import io.weir.planner.logical.LogicalWindowTableFunction;
import io.weir.planner.logical.WindowSpec;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rex.RexCall;

/**
 * Planner rule that turns a windowing TVF call that no window aggregation absorbed
 * ({@code TUMBLE}, {@code HOP}, {@code CUMULATE}) into a
 * {@link LogicalWindowTableFunction}, the input of window joins, window Top-N and window
 * deduplication. {@code SESSION} windows stay TVF calls (refused by {@link UnsupportedCheck}).
 */
public final class WindowTableFunctionRule extends RelOptRule {
    public static final WindowTableFunctionRule INSTANCE = new WindowTableFunctionRule();

    @SuppressWarnings("deprecation")
    private WindowTableFunctionRule() {
        super(operand(LogicalTableFunctionScan.class, any()), "WindowTableFunctionRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalTableFunctionScan scan = call.rel(0);
        WindowTableFunction f = WindowAggregateRule.windowFunction(scan);
        if (f == null || f.kind() == WindowTableFunction.Kind.SESSION || scan.getInputs().size() != 1) {
            return;
        }
        RelNode input = scan.getInputs().get(0);
        WindowSpec spec = WindowAggregateRule.windowSpec((RexCall) scan.getCall(), input);
        call.transformTo(new LogicalWindowTableFunction(scan.getCluster(), scan.getTraitSet(), input, spec,
            scan.getRowType()));
    }
}
