package io.weir.planner.schema;

import io.weir.planner.calcite.ExpressionConverter;
import io.weir.planner.calcite.PlannerContext;
import io.weir.planner.calcite.RelTypes;
import io.weir.planner.logical.LogicalSourceScan;
import io.weir.planner.logical.LogicalWatermarkAssigner;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

import java.util.ArrayList;
import java.util.List;

/**
 * A catalog table as a Calcite table. Its row type is every declared column in declaration
 * order. {@link #toRel} expands it into {@code [WatermarkAssigner] <- [Project of computed
 * columns] <- LogicalSourceScan(physical + metadata columns)}.
 */
public final class SourceTable extends AbstractTable implements TranslatableTable,
    org.apache.calcite.schema.TemporalTable {
    private final TableDescriptor table;
    private final PlannerContext context;
    private RelDataType producedType;
    private List<RexNode> columnExprs;

    public SourceTable(TableDescriptor table, PlannerContext context) {
        this.table = table;
        this.context = context;
    }

    public TableDescriptor descriptor() {
        return table;
    }

    /** Whether the table's connector can answer lookups (the right side of a lookup join). */
    public boolean supportsLookup() {
        return Connectors.supportsLookup(table, context.configuration());
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        resolve();
        List<RelDataType> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < columnExprs.size(); i++) {
            types.add(columnExprs.get(i).getType());
            names.add(table.columns().get(i).name());
        }
        return typeFactory.createStructType(types, names);
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext ctx, RelOptTable relOptTable) {
        resolve();
        RelOptCluster cluster = context.cluster();
        RelNode rel = new LogicalSourceScan(cluster, cluster.traitSetOf(Convention.NONE), relOptTable,
            table, producedType, null, com.google.common.base.Suppliers.memoize(
                () -> Connectors.sourceChangelogMode(table, context.configuration()))::get);
        if (!isIdentity()) {
            rel = LogicalProject.create(rel, List.of(), columnExprs, getRowType(context.typeFactory()), java.util.Set.of());
        }
        if (table.watermark().isPresent()) {
            rel = withWatermark(rel, table.watermark().get());
        }
        return rel;
    }

    private RelNode withWatermark(RelNode input, TableDescriptor.WatermarkDescriptor wm) {
        List<String> names = input.getRowType().getFieldNames();
        int rowtime = names.indexOf(wm.rowtimeColumn());
        if (rowtime < 0) {
            throw new io.weir.planner.ValidationException("The rowtime column '" + wm.rowtimeColumn()
                + "' of the WATERMARK of table " + table.qualifiedName() + " does not exist");
        }
        RexNode expr = new ExpressionConverter(context).convert(wm.expression(), input.getRowType(),
            "watermark expression of table " + table.qualifiedName());
        return new LogicalWatermarkAssigner(input.getCluster(), input.getTraitSet(), input, rowtime, expr);
    }

    private boolean isIdentity() {
        for (int i = 0; i < columnExprs.size(); i++) {
            RexNode e = columnExprs.get(i);
            if (!(e instanceof org.apache.calcite.rex.RexInputRef) || ((org.apache.calcite.rex.RexInputRef) e).getIndex() != i) {
                return false;
            }
        }
        return columnExprs.size() == producedType.getFieldCount();
    }

    /** Computes the produced row (physical, then metadata) and each declared column's expression over it. */
    private void resolve() {
        if (columnExprs != null) {
            return;
        }
        RelDataTypeFactory tf = context.typeFactory();
        List<ColumnDescriptor> produced = new ArrayList<>();
        for (ColumnDescriptor c : table.columns()) {
            if (c.kind() == ColumnDescriptor.Kind.PHYSICAL) {
                produced.add(c);
            }
        }
        for (ColumnDescriptor c : table.columns()) {
            if (c.kind() == ColumnDescriptor.Kind.METADATA) {
                produced.add(c);
            }
        }
        List<RelDataType> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ColumnDescriptor c : produced) {
            types.add(RelTypes.toRelDataType(tf, c.type()));
            names.add(c.name());
        }
        producedType = tf.createStructType(types, names);
        RexBuilder rex = context.cluster().getRexBuilder();
        List<RexNode> exprs = new ArrayList<>();
        for (ColumnDescriptor c : table.columns()) {
            if (c.kind() == ColumnDescriptor.Kind.COMPUTED) {
                exprs.add(new ExpressionConverter(context).convert(c.expression(), producedType,
                    "computed column '" + c.name() + "' of table " + table.qualifiedName()));
            } else {
                int idx = produced.indexOf(c);
                exprs.add(rex.makeInputRef(producedType.getFieldList().get(idx).getType(), idx));
            }
        }
        columnExprs = exprs;
    }

    /**
     * Every table may be the versioned side of {@code FOR SYSTEM_TIME AS OF}; whether it really is
     * versioned (a primary key, and a rowtime for event time) is checked when the temporal join is planned.
     */
    @Override
    public String getSysStartFieldName() {
        return "";
    }

    @Override
    public String getSysEndFieldName() {
        return "";
    }
}
