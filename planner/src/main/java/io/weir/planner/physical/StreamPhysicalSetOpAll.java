package io.weir.planner.physical;

import io.weir.planner.properties.ChangelogModes;
import io.weir.runtime.connector.ChangelogMode;
import io.weir.runtime.data.RowKind;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;

import java.util.EnumSet;
import java.util.List;

/**
 * {@code INTERSECT ALL} / {@code EXCEPT ALL} ({@code SetOpAllOperator}) over the side-tagged union of
 * both inputs, hash-exchanged on all row fields: keeps per distinct row how many copies each side
 * holds and emits {@code +I}/{@code -D} for every change of the result's count. INTERSECT ALL of
 * insert-only inputs is insert-only.
 */
public final class StreamPhysicalSetOpAll extends SingleRel implements StreamPhysicalRel {
    private final boolean intersect;

    public StreamPhysicalSetOpAll(RelOptCluster cluster, RelTraitSet traits, RelNode input, boolean intersect,
                                  RelDataType rowType) {
        super(cluster, traits, input);
        this.intersect = intersect;
        this.rowType = rowType;
    }

    public boolean intersect() {
        return intersect;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new StreamPhysicalSetOpAll(getCluster(), traitSet, inputs.get(0), intersect, rowType);
    }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    @Override
    public String explainName() {
        return intersect ? "IntersectAll" : "ExceptAll";
    }

    @Override
    public ChangelogMode changelogMode(List<ChangelogMode> inputModes, boolean updateBeforeRequired) {
        ChangelogMode in = inputModes.get(0);
        ChangelogModes.checkRetracting(in, this);
        return intersect && in.isInsertOnly() ? ChangelogMode.insertOnly()
            : ChangelogModes.of(EnumSet.of(RowKind.INSERT, RowKind.DELETE));
    }

    /** Counts copies, so a retraction must carry the old row. */
    @Override
    public boolean requiresUpdateBefore(int input, boolean updateBeforeRequired) {
        return true;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("select", String.join(", ", getRowType().getFieldNames()));
    }
}
