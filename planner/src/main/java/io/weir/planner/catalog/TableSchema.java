package io.weir.planner.catalog;

import io.weir.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The columns of a table in declaration order, its watermark and its primary key. Immutable. */
public record TableSchema(List<Column> columns, Optional<WatermarkSpec> watermark, Optional<PrimaryKey> primaryKey) {
    public TableSchema {
        columns = List.copyOf(columns);
    }

    /** The column with this exact name, if any. */
    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The names of all columns, in order. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.name()));
        return names;
    }

    /** Every column (physical, computed, metadata) as a row type: what a query reading the table sees. */
    public RowType rowType() {
        return rowTypeOf(columns);
    }

    /** The physical columns only: what the connector's format reads and writes. */
    public RowType physicalRowType() {
        List<Column> physical = new ArrayList<>();
        for (Column c : columns) {
            if (c.kind() == Column.Kind.PHYSICAL) {
                physical.add(c);
            }
        }
        return rowTypeOf(physical);
    }

    /** The rowtime attribute's name, if the table declares a watermark. */
    public Optional<String> rowtimeColumn() {
        return watermark.map(WatermarkSpec::rowtimeColumn);
    }

    private static RowType rowTypeOf(List<Column> cols) {
        List<RowType.Field> fields = new ArrayList<>();
        for (Column c : cols) {
            fields.add(new RowType.Field(c.name(), c.type()));
        }
        return new RowType(fields);
    }
}
