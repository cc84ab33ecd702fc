package io.weir.planner.logical;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;

import java.util.List;

/**
 * Window assignment by a windowing TVF ({@code TUMBLE}, {@code HOP}, {@code CUMULATE}) that no window
 * aggregation absorbed: each input row once per window containing it. Output: the input fields, then
 * {@code window_start}, {@code window_end}, {@code window_time} (the TVF's row type). Made by
 * {@code io.weir.planner.rules.WindowTableFunctionRule}.
 */
public final class LogicalWindowTableFunction extends SingleRel {
    private final WindowSpec window;

    public LogicalWindowTableFunction(RelOptCluster cluster, RelTraitSet traits, RelNode input, WindowSpec window,
                                      RelDataType rowType) {
        super(cluster, traits, input);
        this.window = window;
        this.rowType = rowType;
    }

    public WindowSpec window() {
        return window;
    }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new LogicalWindowTableFunction(getCluster(), traitSet, sole(inputs), window, rowType);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("window", window);
    }
}
