package io.weir.runtime.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A row of a changelog stream: a {@link RowKind} plus field values.
 *
 * <p>Field values use Calcite's internal representation (DESIGN.md section 2), so that generated
 * code can call Calcite's runtime functions on them directly: {@code BOOLEAN} Boolean,
 * {@code TINYINT..BIGINT} Byte/Short/Integer/Long, {@code FLOAT/DOUBLE} Float/Double,
 * {@code DECIMAL} BigDecimal, {@code CHAR/VARCHAR} String, {@code BINARY/VARBINARY} byte[],
 * {@code DATE} Integer epoch days, {@code TIME} Integer millis of day, {@code TIMESTAMP(p)} and
 * {@code TIMESTAMP_LTZ(p)} Long epoch millis (p &lt;= 3), micros (p 4..6) or nanos (p 7..9), see
 * {@link io.weir.runtime.types.TimestampUnits}, {@code INTERVAL} Long millis (day-time) or Integer
 * months (year-month), {@code ARRAY} List, {@code MAP} Map, {@code ROW} a nested Row, NULL null.
 *
 * <p>Rows are mutable so that operators on a hot path may reuse one instance; an operator that
 * keeps a row beyond the call that handed it over must keep a copy ({@link #copy()}), unless it
 * knows the producer does not reuse.
 */
public final class Row {
    private RowKind kind;
    private final Object[] fields;

    public Row(RowKind kind, Object[] fields) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.fields = Objects.requireNonNull(fields, "fields");
    }

    /** A row of {@code arity} null fields, kind {@link RowKind#INSERT}. */
    public Row(int arity) {
        this(RowKind.INSERT, new Object[arity]);
    }

    /** An {@link RowKind#INSERT} row of the given values (the array is used, not copied). */
    public static Row of(Object... values) {
        return new Row(RowKind.INSERT, values);
    }

    /** A row of the given kind and values (the array is used, not copied). */
    public static Row ofKind(RowKind kind, Object... values) {
        return new Row(kind, values);
    }

    public RowKind getKind() {
        return kind;
    }

    public void setKind(RowKind kind) {
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public int arity() {
        return fields.length;
    }

    public Object getField(int pos) {
        return fields[pos];
    }

    public void setField(int pos, Object value) {
        fields[pos] = value;
    }

    public boolean isNullAt(int pos) {
        return fields[pos] == null;
    }

    /** The backing array; generated code reads and writes it directly. */
    public Object[] fields() {
        return fields;
    }

    /** A shallow copy: a new field array with the same kind (values are immutable or copied by serializers). */
    public Row copy() {
        return new Row(kind, fields.clone());
    }

    /** A shallow copy with another kind. */
    public Row withKind(RowKind newKind) {
        return new Row(newKind, fields.clone());
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Row)) {
            return false;
        }
        Row other = (Row) o;
        return kind == other.kind && fieldsEqual(other);
    }

    /** Equality of the field values only, ignoring the row kind. */
    public boolean fieldsEqual(Row other) {
        Object[] a = fields;
        Object[] b = other.fields;
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            Object x = a[i];
            Object y = b[i];
            if (x == y) {
                continue;
            }
            if (x == null || y == null) {
                return false;
            }
            if (x instanceof byte[]) {
                if (!(y instanceof byte[]) || !Arrays.equals((byte[]) x, (byte[]) y)) {
                    return false;
                }
            } else if (!x.equals(y)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A hash of the field values only (rows that are equal have equal fields). It is stable across
     * JVMs, because key groups are derived from it and must map state back after a restart.
     */
    @Override
    public int hashCode() {
        // Equal to Arrays.deepHashCode(fields) for the values a Row holds (byte[] is the only
        // array type), without its per-element type dispatch: this is on the keyed hot path.
        int h = 1;
        for (Object f : fields) {
            h = 31 * h + (f == null ? 0 : f instanceof byte[] ? Arrays.hashCode((byte[]) f) : f.hashCode());
        }
        return h;
    }

    /** Flink's changelog form: {@code +I[1, abc, null]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind.shortString()).append('[');
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            appendValue(sb, fields[i]);
        }
        return sb.append(']').toString();
    }

    private static void appendValue(StringBuilder sb, Object v) {
        if (v instanceof byte[]) {
            sb.append(Arrays.toString((byte[]) v));
        } else if (v instanceof Row) {
            String s = v.toString();
            sb.append(s, 2, s.length()); // nested rows print without their kind prefix
        } else {
            sb.append(v);
        }
    }
}
