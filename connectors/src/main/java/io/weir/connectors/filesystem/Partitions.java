package io.weir.connectors.filesystem;

import io.weir.connectors.format.TimeFormats;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Partition columns of a filesystem table: written as {@code k=v/} directories (values escaped
 * as Hive and Flink do), not inside the files; read back from the directory names.
 */
final class Partitions {
    private final RowType fullType;
    private final List<String> keys;
    private final int[] keyPositions;
    private final int[] dataPositions;
    private final String defaultName;

    Partitions(RowType fullType, List<String> keys, String defaultName) {
        this.fullType = fullType;
        this.keys = keys;
        this.defaultName = defaultName;
        keyPositions = new int[keys.size()];
        for (int i = 0; i < keyPositions.length; i++) {
            keyPositions[i] = fullType.indexOf(keys.get(i));
            if (keyPositions[i] < 0) {
                throw new IllegalArgumentException("partition column '" + keys.get(i) + "' is not a column of " + fullType);
            }
        }
        List<Integer> data = new ArrayList<>();
        for (int i = 0; i < fullType.arity(); i++) {
            if (!keys.contains(fullType.fieldName(i))) {
                data.add(i);
            }
        }
        dataPositions = data.stream().mapToInt(Integer::intValue).toArray();
    }

    List<String> keys() {
        return keys;
    }

    boolean isPartitioned() {
        return !keys.isEmpty();
    }

    /** The columns stored inside the files. */
    RowType dataType() {
        return fullType.project(dataPositions);
    }

    /** The relative directory of a row's partition, e.g. {@code dt=2024-01-01/h=7}; empty if unpartitioned. */
    String directoryOf(Row row) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keyPositions.length; i++) {
            if (i > 0) {
                sb.append('/');
            }
            Object v = row.getField(keyPositions[i]);
            String text = v == null ? defaultName : toText(fullType.fieldType(keyPositions[i]), v);
            sb.append(escape(keys.get(i))).append('=').append(text.isEmpty() ? defaultName : escape(text));
        }
        return sb.toString();
    }

    Row dataRow(Row row) {
        if (!isPartitioned()) {
            return row;
        }
        Object[] values = new Object[dataPositions.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.getField(dataPositions[i]);
        }
        return Row.ofKind(row.getKind(), values);
    }

    /** The partition values of a file below {@code root}, by column position, from its {@code k=v} directories. */
    Object[] valuesOf(Path root, Path file) {
        Map<String, String> found = new LinkedHashMap<>();
        Path rel = root.relativize(file.getParent() == null ? file : file.getParent());
        for (Path part : rel) {
            String s = part.toString();
            int eq = s.indexOf('=');
            if (eq > 0) {
                found.put(unescape(s.substring(0, eq)), unescape(s.substring(eq + 1)));
            }
        }
        Object[] values = new Object[keyPositions.length];
        for (int i = 0; i < values.length; i++) {
            String text = found.get(keys.get(i));
            if (text == null) {
                throw new IllegalArgumentException("file " + file + " is not under a '" + keys.get(i) + "=...' directory");
            }
            values[i] = text.equals(defaultName) ? null : parse(fullType.fieldType(keyPositions[i]), text, keys.get(i), file);
        }
        return values;
    }

    private static String toText(DataType t, Object v) {
        switch (t.root()) {
            case DATE: return TimeFormats.appendDate(new StringBuilder(), (Integer) v).toString();
            case TIMESTAMP:
            case TIMESTAMP_LTZ: return TimeFormats.formatTimestamp((Long) v, false, t.precision());
            case DECIMAL: return ((BigDecimal) v).toPlainString();
            default: return v.toString();
        }
    }

    private static Object parse(DataType t, String s, String key, Path file) {
        try {
            switch (t.root()) {
                case BOOLEAN: return Boolean.valueOf(s);
                case TINYINT: return Byte.valueOf(s);
                case SMALLINT: return Short.valueOf(s);
                case INTEGER: return Integer.valueOf(s);
                case BIGINT: return Long.valueOf(s);
                case FLOAT: return Float.valueOf(s);
                case DOUBLE: return Double.valueOf(s);
                case DECIMAL: return new BigDecimal(s);
                case DATE: return TimeFormats.parseDate(s);
                case TIMESTAMP:
                case TIMESTAMP_LTZ: return TimeFormats.parseTimestamp(s, s.indexOf('T') == 10, t.precision());
                case CHAR:
                case VARCHAR: return s;
                default: throw new IllegalArgumentException("not supported yet: partition columns of type " + t);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read partition value '" + s + "' of column '" + key + "' in " + file
                + ": " + e.getMessage(), e);
        }
    }

    /** Escapes characters that are special in paths, as {@code %XX} (Hive's escaping). */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c < ' ' || "\"#%'*/:=?\\\u007F{[]^".indexOf(c) >= 0) {
                sb.append('%').append(String.format("%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
