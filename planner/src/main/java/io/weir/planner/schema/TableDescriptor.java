package io.weir.planner.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table: its columns in declaration order, its watermark, primary key and connector options.
 *
 * @param path the fully qualified name
 * @param columns the columns, in declaration order
 * @param watermark the {@code WATERMARK FOR col AS expr} declaration, if any
 * @param primaryKey the primary key columns ({@code NOT ENFORCED}), empty if none
 * @param options the {@code WITH (...)} options
 * @param partitionKeys the {@code PARTITIONED BY} columns, empty if none
 */
public record TableDescriptor(List<String> path, List<ColumnDescriptor> columns,
                              Optional<WatermarkDescriptor> watermark, List<String> primaryKey,
                              Map<String, String> options, List<String> partitionKeys) implements CatalogObject {

    public TableDescriptor {
        path = List.copyOf(path);
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        options = Map.copyOf(options);
        partitionKeys = List.copyOf(partitionKeys);
    }

    /** A table without partition keys. */
    public TableDescriptor(List<String> path, List<ColumnDescriptor> columns, Optional<WatermarkDescriptor> watermark,
                           List<String> primaryKey, Map<String, String> options) {
        this(path, columns, watermark, primaryKey, options, List.of());
    }

    /**
     * A watermark declaration.
     *
     * @param rowtimeColumn the column that becomes the rowtime attribute
     * @param expression the SQL text of the watermark expression, over the table's columns
     */
    public record WatermarkDescriptor(String rowtimeColumn, String expression) {
    }

    /** The value of the {@code 'connector'} option, or "" if missing. */
    public String connector() {
        return options.getOrDefault("connector", "");
    }
}
