package io.weir.planner.catalog;

import io.weir.runtime.types.DataType;
import java.util.Objects;

/**
 * One column of a catalog table: physical (read from the source), computed ({@code name AS expr},
 * with the type Calcite derived for the expression) or metadata (provided by the connector).
 * Immutable.
 */
public final class Column {
    /** How a column gets its value. */
    public enum Kind { PHYSICAL, COMPUTED, METADATA }

    private final String name;
    private final DataType type;
    private final Kind kind;
    private final String expression;
    private final String metadataKey;
    private final boolean virtual;
    private final String comment;

    private Column(String name, DataType type, Kind kind, String expression, String metadataKey,
                   boolean virtual, String comment) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.kind = kind;
        this.expression = expression;
        this.metadataKey = metadataKey;
        this.virtual = virtual;
        this.comment = comment;
    }

    public static Column physical(String name, DataType type, String comment) {
        return new Column(name, type, Kind.PHYSICAL, null, null, false, comment);
    }

    /**
     * @param type the type Calcite derived for the expression
     * @param expression the expression's SQL text (backtick-quoted identifiers)
     */
    public static Column computed(String name, DataType type, String expression, String comment) {
        return new Column(name, type, Kind.COMPUTED, Objects.requireNonNull(expression, "expression"), null, false, comment);
    }

    /** @param metadataKey the key after {@code FROM}, or null when the key is the column's name */
    public static Column metadata(String name, DataType type, String metadataKey, boolean virtual, String comment) {
        return new Column(name, type, Kind.METADATA, null, metadataKey, virtual, comment);
    }

    public String name() { return name; }
    public DataType type() { return type; }
    public Kind kind() { return kind; }

    /** A computed column's SQL text, else null. */
    public String expression() { return expression; }

    /** A metadata column's explicit key (after FROM), else null. */
    public String explicitMetadataKey() { return metadataKey; }

    /** The key a metadata column reads: the explicit key or the column's name; null for other kinds. */
    public String metadataKey() {
        return kind != Kind.METADATA ? null : metadataKey == null ? name : metadataKey;
    }

    public boolean isVirtual() { return virtual; }

    /** The COMMENT, or null. */
    public String comment() { return comment; }

    /** True if a sink writes this column: physical, or non-virtual metadata. */
    public boolean isPersisted() {
        return kind == Kind.PHYSICAL || (kind == Kind.METADATA && !virtual);
    }

    /** True for a computed column {@code AS PROCTIME()}: the processing-time attribute. */
    public boolean isProctime() {
        return kind == Kind.COMPUTED && expression.replace(" ", "").equalsIgnoreCase("PROCTIME()");
    }

    /** A copy with another type (the catalog makes primary key columns NOT NULL). */
    public Column withType(DataType newType) {
        return new Column(name, newType, kind, expression, metadataKey, virtual, comment);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Column)) {
            return false;
        }
        Column c = (Column) o;
        return name.equals(c.name) && type.equals(c.type) && kind == c.kind && Objects.equals(expression, c.expression)
            && Objects.equals(metadataKey, c.metadataKey) && virtual == c.virtual && Objects.equals(comment, c.comment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, kind, expression, metadataKey, virtual, comment);
    }

    @Override
    public String toString() {
        return name + " " + type + " " + kind + (expression == null ? "" : " AS " + expression);
    }
}
