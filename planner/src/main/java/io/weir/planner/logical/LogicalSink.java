package io.weir.planner.logical;

import io.weir.planner.schema.TableDescriptor;
import io.weir.runtime.connector.ChangelogMode;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;

import java.util.List;

/**
 * Writes its input into a table (the {@code INSERT INTO} target), or, with a {@code null} table,
 * collects a {@code SELECT}'s result for the client. The input row matches the table's persisted
 * columns (physical and non-virtual metadata) in order.
 */
public final class LogicalSink extends SingleRel {
    private final TableDescriptor table;
    private final ChangelogMode acceptedMode;

    public LogicalSink(RelOptCluster cluster, RelTraitSet traits, RelNode input, TableDescriptor table,
                       ChangelogMode acceptedMode) {
        super(cluster, traits, input);
        this.table = table;
        this.acceptedMode = acceptedMode;
    }

    /** The row kinds the sink accepts (from its connector; everything for a collect sink). */
    public ChangelogMode acceptedMode() {
        return acceptedMode;
    }

    /** The target table, or null for a collect sink (a {@code SELECT} shown by the client). */
    public TableDescriptor table() {
        return table;
    }

    @Override
    protected RelDataType deriveRowType() {
        return getInput().getRowType();
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new LogicalSink(getCluster(), traitSet, sole(inputs), table, acceptedMode);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw)
            .item("table", table == null ? "collect" : table.qualifiedName())
            .item("fields", getRowType().getFieldNames());
    }
}
