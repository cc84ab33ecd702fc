package io.weir.planner.logical;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;

import java.util.List;

/**
 * {@code INTERSECT ALL} / {@code EXCEPT ALL} of two inputs, over their {@code UNION ALL} in which each
 * row carries its side (a last INTEGER field: 0 left, 1 right); output = the row without the side.
 * Made by {@code io.weir.planner.rules.SetOpAllRule}.
 */
public final class LogicalSetOpAll extends SingleRel {
    private final boolean intersect;

    public LogicalSetOpAll(RelOptCluster cluster, RelTraitSet traits, RelNode union, boolean intersect,
                           RelDataType rowType) {
        super(cluster, traits, union);
        this.intersect = intersect;
        this.rowType = rowType;
    }

    /** INTERSECT ALL, else EXCEPT ALL. */
    public boolean intersect() {
        return intersect;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new LogicalSetOpAll(getCluster(), traitSet, inputs.get(0), intersect, rowType);
    }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("all", intersect ? "INTERSECT ALL" : "EXCEPT ALL");
    }
}
