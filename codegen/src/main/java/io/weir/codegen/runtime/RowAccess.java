package io.weir.codegen.runtime;

import io.weir.runtime.data.Row;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;

/** Conversions between Weir's row values and Calcite's internal values, called by generated code. */
public final class RowAccess {
    private RowAccess() {
    }

    /** Field {@code index} of a nested ROW value (a {@link Row}, or an array/list built by Calcite). */
    public static Object field(Object struct, int index) {
        if (struct instanceof Row) {
            return ((Row) struct).getField(index);
        }
        if (struct instanceof Object[]) {
            return ((Object[]) struct)[index];
        }
        if (struct instanceof List) {
            return ((List<?>) struct).get(index);
        }
        throw new IllegalArgumentException("not a ROW value: " + struct.getClass().getName());
    }

    /** A ROW value as Weir stores it: Calcite's arrays and lists become {@link Row}s. */
    public static Object toRow(Object struct) {
        if (struct == null || struct instanceof Row) {
            return struct;
        }
        if (struct instanceof Object[]) {
            return Row.of(((Object[]) struct).clone());
        }
        if (struct instanceof List) {
            return Row.of(((List<?>) struct).toArray());
        }
        return struct;
    }

    /** A BINARY value as Calcite's generated code reads it. */
    public static ByteString toByteString(Object bytes) {
        return bytes == null ? null : new ByteString((byte[]) bytes);
    }

    /** A BINARY value as Weir stores it. */
    public static byte[] toBytes(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof ByteString ? ((ByteString) value).getBytes() : (byte[]) value;
    }

    /** A FLOAT/REAL value (Weir stores {@link Float}) as Calcite's code reads FLOAT: a Double. */
    public static Double floatAsDouble(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    /** A FLOAT/REAL value as Weir stores it. */
    public static Float toFloat(Object value) {
        return value == null ? null : ((Number) value).floatValue();
    }

    /**
     * A DECIMAL value with exactly the declared scale, so equal values are equal rows (BigDecimal's
     * equals compares scale). Calcite's code may produce another scale, e.g. a CASE branch {@code 1}
     * of type DECIMAL(11, 1).
     */
    public static java.math.BigDecimal toDecimal(java.math.BigDecimal value, int scale) {
        if (value == null || value.scale() == scale) {
            return value;
        }
        return value.setScale(scale, java.math.RoundingMode.HALF_UP);
    }
}
