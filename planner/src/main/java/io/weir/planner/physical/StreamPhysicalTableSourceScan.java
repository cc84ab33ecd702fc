package io.weir.planner.physical;

import io.weir.planner.schema.TableDescriptor;
import io.weir.runtime.connector.ChangelogMode;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a table through its connector's source. The operator needs: the table (name, options,
 * physical row type) to create the {@code ScanSource}, and {@link #projection()}: positions in
 * {@link #producedType()} (physical columns, then metadata columns) of the fields to emit, in
 * order (projection push-down). Emits inserts.
 */
public final class StreamPhysicalTableSourceScan extends TableScan implements StreamPhysicalRel {
    private final TableDescriptor descriptor;
    private final RelDataType producedType;
    private final int[] projection;
    private final java.util.function.Supplier<ChangelogMode> changelogMode;

    public StreamPhysicalTableSourceScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table,
                                         TableDescriptor descriptor, RelDataType producedType, int[] projection,
                             java.util.function.Supplier<ChangelogMode> changelogMode) {
        super(cluster, traits, List.of(), table);
        this.descriptor = descriptor;
        this.changelogMode = changelogMode;
        this.producedType = producedType;
        this.projection = projection.clone();
    }

    /** The row kinds the source produces (from its connector). */
    public ChangelogMode sourceChangelogMode() {
        return changelogMode.get();
    }

    /** The lazy lookup of the source's changelog mode (creates the source once, when first asked). */
    public java.util.function.Supplier<ChangelogMode> sourceChangelogModeSupplier() {
        return changelogMode;
    }

    public TableDescriptor descriptor() {
        return descriptor;
    }

    public RelDataType producedType() {
        return producedType;
    }

    public int[] projection() {
        return projection.clone();
    }

    @Override
    public RelDataType deriveRowType() {
        List<RelDataTypeField> all = producedType.getFieldList();
        List<RelDataType> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int p : projection) {
            types.add(all.get(p).getType());
            names.add(all.get(p).getName());
        }
        return getCluster().getTypeFactory().createStructType(types, names);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new StreamPhysicalTableSourceScan(getCluster(), traitSet, table, descriptor, producedType, projection, changelogMode);
    }

    @Override
    public String explainName() {
        return "TableSourceScan";
    }

    @Override
    public ChangelogMode changelogMode(List<ChangelogMode> inputModes, boolean updateBeforeRequired) {
        return changelogMode.get();
    }

    /** An updating source's changes are keyed by the table's primary key (when all of it is read). */
    @Override
    public java.util.Set<org.apache.calcite.util.ImmutableBitSet> uniqueKeys(
        List<java.util.Set<org.apache.calcite.util.ImmutableBitSet>> inputKeys) {
        if (descriptor.primaryKey().isEmpty()) {
            return java.util.Set.of();
        }
        List<String> names = getRowType().getFieldNames();
        org.apache.calcite.util.ImmutableBitSet.Builder key = org.apache.calcite.util.ImmutableBitSet.builder();
        for (String k : descriptor.primaryKey()) {
            int i = names.indexOf(k);
            if (i < 0) {
                return java.util.Set.of();
            }
            key.set(i);
        }
        return java.util.Set.of(key.build());
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return pw.item("table", descriptor.qualifiedName())
            .item("fields", String.join(", ", getRowType().getFieldNames()));
    }
}
