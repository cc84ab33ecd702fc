package io.weir.planner.catalog;

import io.weir.planner.schema.ColumnDescriptor;
import io.weir.planner.schema.TableDescriptor;
import io.weir.planner.schema.ViewDescriptor;
import io.weir.planner.types.TypeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Adapts catalog objects to the planner's read-only view ({@link io.weir.planner.schema}). */
final class Descriptors {
    private Descriptors() {
    }

    static TableDescriptor table(ObjectIdentifier id, CatalogTable table) {
        TableSchema schema = table.schema();
        List<ColumnDescriptor> columns = new ArrayList<>();
        for (Column c : schema.columns()) {
            switch (c.kind()) {
                case PHYSICAL: columns.add(ColumnDescriptor.physical(c.name(), c.type())); break;
                case COMPUTED: columns.add(ColumnDescriptor.computed(c.name(), c.expression())); break;
                default: columns.add(ColumnDescriptor.metadata(c.name(), c.type(), c.metadataKey(), c.isVirtual()));
            }
        }
        Optional<TableDescriptor.WatermarkDescriptor> watermark = schema.watermark()
            .map(w -> new TableDescriptor.WatermarkDescriptor(w.rowtimeColumn(), w.expression()));
        List<String> key = schema.primaryKey().map(PrimaryKey::columns).orElse(List.of());
        return new TableDescriptor(id.path(), columns, watermark, key, table.options(), table.partitionKeys());
    }

    /** A view's query; declared column names become a column alias list around it. */
    static ViewDescriptor view(ObjectIdentifier id, CatalogView view) {
        if (view.columnNames().isEmpty()) {
            return new ViewDescriptor(id.path(), view.originalQuery());
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM (\n").append(view.originalQuery()).append("\n) AS ")
            .append(TypeFormatter.quoteIdentifier(id.name())).append(" (");
        for (int i = 0; i < view.columnNames().size(); i++) {
            sql.append(i > 0 ? ", " : "").append(TypeFormatter.quoteIdentifier(view.columnNames().get(i)));
        }
        return new ViewDescriptor(id.path(), sql.append(')').toString());
    }
}
