package io.weir.planner.catalog;

import static io.weir.planner.types.TypeFormatter.quoteIdentifier;
import static io.weir.planner.types.TypeFormatter.quoteString;

import io.weir.planner.types.TypeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders {@code SHOW CREATE TABLE | VIEW}: statements that Weir's parser reads back into the same object. */
final class ShowCreate {
    private ShowCreate() {
    }

    static String table(ObjectIdentifier id, CatalogTable table, boolean isTemporary) {
        TableSchema schema = table.schema();
        List<String> elements = new ArrayList<>();
        for (Column c : schema.columns()) {
            elements.add(column(c));
        }
        schema.watermark().ifPresent(w ->
            elements.add("WATERMARK FOR " + quoteIdentifier(w.rowtimeColumn()) + " AS " + w.expression()));
        schema.primaryKey().ifPresent(k ->
            elements.add("CONSTRAINT " + quoteIdentifier(k.name()) + " PRIMARY KEY (" + identifiers(k.columns()) + ") NOT ENFORCED"));
        StringBuilder sql = new StringBuilder("CREATE ").append(isTemporary ? "TEMPORARY " : "").append("TABLE ")
            .append(id.asSerializableString()).append(" (\n  ").append(String.join(",\n  ", elements)).append("\n)");
        if (table.comment() != null) {
            sql.append(" COMMENT ").append(quoteString(table.comment()));
        }
        if (!table.partitionKeys().isEmpty()) {
            sql.append("\nPARTITIONED BY (").append(identifiers(table.partitionKeys())).append(')');
        }
        if (!table.options().isEmpty()) {
            List<String> options = new ArrayList<>();
            for (Map.Entry<String, String> e : table.options().entrySet()) {
                options.add(quoteString(e.getKey()) + " = " + quoteString(e.getValue()));
            }
            sql.append("\nWITH (\n  ").append(String.join(",\n  ", options)).append("\n)");
        }
        return sql.append('\n').toString();
    }

    static String view(ObjectIdentifier id, CatalogView view, boolean isTemporary) {
        StringBuilder sql = new StringBuilder("CREATE ").append(isTemporary ? "TEMPORARY " : "").append("VIEW ")
            .append(id.asSerializableString());
        if (!view.columnNames().isEmpty()) {
            sql.append(" (").append(identifiers(view.columnNames())).append(')');
        }
        if (view.comment() != null) {
            sql.append(" COMMENT ").append(quoteString(view.comment()));
        }
        return sql.append(" AS\n").append(view.originalQuery()).append('\n').toString();
    }

    private static String column(Column c) {
        String name = quoteIdentifier(c.name());
        String comment = c.comment() == null ? "" : " COMMENT " + quoteString(c.comment());
        switch (c.kind()) {
            case COMPUTED:
                return name + " AS " + c.expression() + comment;
            case METADATA:
                return name + " " + TypeFormatter.format(c.type()) + " METADATA"
                    + (c.explicitMetadataKey() == null ? "" : " FROM " + quoteString(c.explicitMetadataKey()))
                    + (c.isVirtual() ? " VIRTUAL" : "") + comment;
            default:
                return name + " " + TypeFormatter.format(c.type()) + comment;
        }
    }

    private static String identifiers(List<String> names) {
        List<String> quoted = new ArrayList<>();
        names.forEach(n -> quoted.add(quoteIdentifier(n)));
        return String.join(", ", quoted);
    }
}
