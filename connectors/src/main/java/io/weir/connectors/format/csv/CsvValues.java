package io.weir.connectors.format.csv;

import io.weir.connectors.format.TimeFormats;
import io.weir.runtime.types.DataType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Base64;
import java.util.function.Function;

/** Converters between CSV field text and Weir's internal values, one per type, chosen once. */
final class CsvValues {
    private CsvValues() {
    }

    static void checkSupported(DataType type, String field) {
        switch (type.root()) {
            case ARRAY: case MAP: case MULTISET: case ROW: case NULL:
                throw new UnsupportedOperationException("not supported yet: csv format with a field of type "
                    + type + " (field '" + field + "'); use json or avro");
            default:
        }
    }

    static Function<String, Object> parser(DataType type) {
        switch (type.root()) {
            case BOOLEAN: return CsvValues::parseBoolean;
            case TINYINT: return s -> Byte.valueOf(s.trim());
            case SMALLINT: return s -> Short.valueOf(s.trim());
            case INTEGER:
            case INTERVAL_YEAR_MONTH: return s -> Integer.valueOf(s.trim());
            case BIGINT:
            case INTERVAL_DAY_TIME: return s -> Long.valueOf(s.trim());
            case FLOAT: return s -> Float.valueOf(s.trim());
            case DOUBLE: return s -> Double.valueOf(s.trim());
            case DECIMAL: return s -> decimal(s, type);
            case CHAR:
            case VARCHAR: return s -> s;
            case BINARY:
            case VARBINARY: return s -> Base64.getDecoder().decode(s.trim());
            case DATE: return s -> TimeFormats.parseDate(s.trim());
            case TIME: return s -> TimeFormats.parseTime(s.trim());
            case TIMESTAMP:
            case TIMESTAMP_LTZ: return s -> TimeFormats.parseTimestamp(s.trim(), s.trim().indexOf('T') == 10, type.precision());
            default: throw new UnsupportedOperationException("not supported yet: csv field of type " + type);
        }
    }

    static Function<Object, String> printer(DataType type) {
        switch (type.root()) {
            case BINARY:
            case VARBINARY: return v -> Base64.getEncoder().encodeToString((byte[]) v);
            case DECIMAL: return v -> ((BigDecimal) v).toPlainString();
            case DATE: return v -> TimeFormats.appendDate(new StringBuilder(10), (Integer) v).toString();
            case TIME: return v -> TimeFormats.appendTime(new StringBuilder(12), (Integer) v, type.precision()).toString();
            case TIMESTAMP:
            case TIMESTAMP_LTZ: return v -> TimeFormats.appendTimestamp(new StringBuilder(23), (Long) v, false, type.precision()).toString();
            default: return String::valueOf;
        }
    }

    private static Boolean parseBoolean(String s) {
        String t = s.trim();
        if (t.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (t.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("expected true or false but was '" + s + "'");
    }

    private static BigDecimal decimal(String s, DataType type) {
        BigDecimal d = new BigDecimal(s.trim()).setScale(type.scale(), RoundingMode.HALF_UP);
        if (d.precision() > type.precision()) {
            throw new IllegalArgumentException("value " + d + " does not fit " + type);
        }
        return d;
    }
}
