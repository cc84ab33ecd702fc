package io.weir.planner.schema;

import io.weir.runtime.types.DataType;

import java.util.Objects;

/**
 * One column of a table: physical (read from the source), computed ({@code c AS expr}) or
 * metadata ({@code c TYPE METADATA [FROM 'key'] [VIRTUAL]}).
 *
 * @param name the column name
 * @param type the declared type; {@code null} for a computed column (its expression decides)
 * @param kind physical, computed or metadata
 * @param expression the SQL text of a computed column's expression, else {@code null}
 * @param metadataKey the key a metadata column reads (its name if no {@code FROM}), else {@code null}
 * @param virtual true for a metadata column that is read but never written
 */
public record ColumnDescriptor(String name, DataType type, Kind kind, String expression,
                               String metadataKey, boolean virtual) {

    /** How a column gets its value. */
    public enum Kind { PHYSICAL, COMPUTED, METADATA }

    public ColumnDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    public static ColumnDescriptor physical(String name, DataType type) {
        return new ColumnDescriptor(name, Objects.requireNonNull(type), Kind.PHYSICAL, null, null, false);
    }

    public static ColumnDescriptor computed(String name, String expression) {
        return new ColumnDescriptor(name, null, Kind.COMPUTED, Objects.requireNonNull(expression), null, false);
    }

    public static ColumnDescriptor metadata(String name, DataType type, String key, boolean virtual) {
        return new ColumnDescriptor(name, Objects.requireNonNull(type), Kind.METADATA, null,
            key == null ? name : key, virtual);
    }

    /** True if a sink writes this column (physical, or non-virtual metadata). */
    public boolean isPersisted() {
        return kind == Kind.PHYSICAL || (kind == Kind.METADATA && !virtual);
    }
}
