package io.weir.planner.logical;

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
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads a table's source: the physical columns, then the metadata columns, in declaration order
 * (the "produced" row), of which {@code projection} picks the fields actually read.
 *
 * <p>Computed columns and the watermark are not part of the scan: they are a projection and a
 * {@link LogicalWatermarkAssigner} above it, so that the usual rules see them.
 */
public final class LogicalSourceScan extends TableScan {
    private final TableDescriptor descriptor;
    private final RelDataType producedType;
    private final int[] projection;
    private final java.util.function.Supplier<ChangelogMode> changelogMode;

    public LogicalSourceScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table,
                             TableDescriptor descriptor, RelDataType producedType, int[] projection,
                             java.util.function.Supplier<ChangelogMode> changelogMode) {
        super(cluster, traits, List.of(), table);
        this.descriptor = descriptor;
        this.changelogMode = changelogMode;
        this.producedType = producedType;
        this.projection = projection == null ? identity(producedType.getFieldCount()) : projection.clone();
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
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

    /** All fields the source can produce: physical columns, then metadata columns. */
    public RelDataType producedType() {
        return producedType;
    }

    /** Positions in {@link #producedType()} of the fields read, in output order. */
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
        return new LogicalSourceScan(getCluster(), traitSet, table, descriptor, producedType, projection, changelogMode);
    }

    /** Projection push-down: the field trimmer asks the scan to read only {@code fieldsUsed}. */
    @Override
    public RelNode project(ImmutableBitSet fieldsUsed, Set<RelDataTypeField> extraFields, RelBuilder relBuilder) {
        if (fieldsUsed.cardinality() == projection.length || fieldsUsed.isEmpty()) {
            return this;
        }
        int[] pushed = fieldsUsed.asList().stream().mapToInt(i -> projection[i]).toArray();
        return new LogicalSourceScan(getCluster(), traitSet, table, descriptor, producedType, pushed, changelogMode);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return pw.item("table", descriptor.qualifiedName())
            .item("fields", getRowType().getFieldNames());
    }

    @Override
    public String toString() {
        return "LogicalSourceScan(" + descriptor.qualifiedName() + ", " + Arrays.toString(projection) + ")";
    }
}
