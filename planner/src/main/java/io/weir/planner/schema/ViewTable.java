package io.weir.planner.schema;

import io.weir.planner.ValidationException;
import io.weir.planner.calcite.PlannerContext;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/** A catalog view as a Calcite table: expanded into its query's plan wherever it is used. */
final class ViewTable extends AbstractTable implements TranslatableTable,
    org.apache.calcite.schema.TemporalTable {
    private final ViewDescriptor view;
    private final PlannerContext context;
    private RelDataType rowType;

    ViewTable(ViewDescriptor view, PlannerContext context) {
        this.view = view;
        this.context = context;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        if (rowType == null) {
            rowType = expand().validatedRowType;
        }
        return rowType;
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext ctx, RelOptTable relOptTable) {
        return expand().project();
    }

    private RelRoot expand() {
        try {
            return context.toRel(context.parseQuery(view.query()));
        } catch (ValidationException e) {
            throw new ValidationException("Invalid view " + view.qualifiedName() + ": " + e.getMessage(), e);
        }
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
