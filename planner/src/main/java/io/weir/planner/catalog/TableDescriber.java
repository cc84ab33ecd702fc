package io.weir.planner.catalog;

import io.weir.planner.types.TypeFormatter;
import io.weir.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@code DESCRIBE t} as Flink does: one row per column with its type (the rowtime column
 * marked {@code *ROWTIME*}, a PROCTIME() column {@code *PROCTIME*}), nullability, primary key,
 * the computed expression or metadata declaration, and the watermark expression. A view shows
 * the name, type and nullability of its query's columns.
 */
final class TableDescriber {
    static final List<String> HEADER = List.of("name", "type", "null", "key", "extras", "watermark");

    private TableDescriber() {
    }

    static TabularResult describe(CatalogTable table) {
        TableSchema schema = table.schema();
        List<String> key = schema.primaryKey().map(PrimaryKey::columns).orElse(List.of());
        String keyText = key.isEmpty() ? "" : "PRI(" + String.join(", ", key) + ")";
        String rowtime = schema.rowtimeColumn().orElse(null);
        List<List<String>> rows = new ArrayList<>();
        for (Column c : schema.columns()) {
            boolean isRowtime = c.name().equals(rowtime);
            String type = TypeFormatter.formatIgnoringNullability(c.type())
                + (isRowtime ? " *ROWTIME*" : c.isProctime() ? " *PROCTIME*" : "");
            rows.add(List.of(
                c.name(),
                type,
                c.type().isNullable() ? "TRUE" : "FALSE",
                key.contains(c.name()) ? keyText : "",
                extras(c),
                isRowtime ? schema.watermark().get().expression() : ""));
        }
        return new TabularResult(HEADER, rows);
    }

    /** A view's columns: name, type and nullability; it has no key, extras or watermark. */
    static TabularResult describe(CatalogView view) {
        List<List<String>> rows = new ArrayList<>();
        for (RowType.Field f : view.rowType().fields()) {
            rows.add(List.of(f.name(), TypeFormatter.formatIgnoringNullability(f.type()),
                f.type().isNullable() ? "TRUE" : "FALSE", "", "", ""));
        }
        return new TabularResult(HEADER, rows);
    }

    private static String extras(Column c) {
        switch (c.kind()) {
            case COMPUTED:
                return "AS " + c.expression();
            case METADATA:
                return "METADATA" + (c.explicitMetadataKey() == null ? "" : " FROM " + TypeFormatter.quoteString(c.explicitMetadataKey()))
                    + (c.isVirtual() ? " VIRTUAL" : "");
            default:
                return "";
        }
    }
}
