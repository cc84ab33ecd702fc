package io.weir.connectors.format.json;

import io.weir.connectors.format.AsciiView;
import io.weir.connectors.format.MalformedRecordException;
import io.weir.connectors.format.TimeFormats;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import io.weir.runtime.types.TimestampUnits;
import io.weir.runtime.types.TypeRoot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds, once per type, a tree of readers that convert the next JSON value of a
 * {@link JsonScanner} straight into Weir's internal value. Numbers and booleans may also come
 * quoted; a string column receiving an object, array or number gets its JSON text (as Flink does).
 */
final class JsonReaders {

    /** Reads the next value, which is not {@code null} (the caller handles null). */
    interface ValueReader {
        Object read(JsonScanner s);
    }

    private JsonReaders() {
    }

    static ValueReader of(DataType type, String path, boolean iso, boolean failOnMissing) {
        switch (type.root()) {
            case BOOLEAN: return JsonReaders::bool;
            case TINYINT: return s -> (byte) narrow(integral(s), Byte.MIN_VALUE, Byte.MAX_VALUE, type);
            case SMALLINT: return s -> (short) narrow(integral(s), Short.MIN_VALUE, Short.MAX_VALUE, type);
            case INTEGER:
            case INTERVAL_YEAR_MONTH: return s -> Math.toIntExact(integral(s));
            case BIGINT:
            case INTERVAL_DAY_TIME: return JsonReaders::integral;
            case FLOAT: return s -> Float.parseFloat(numberText(s));
            case DOUBLE: return s -> Double.parseDouble(numberText(s));
            case DECIMAL: return s -> decimal(numberText(s), type);
            case CHAR:
            case VARCHAR: return s -> s.peek() == '"' ? s.readString() : s.rawValue();
            case BINARY:
            case VARBINARY: return s -> Base64.getDecoder().decode(s.readString());
            case DATE: {
                AsciiView view = new AsciiView();
                return s -> TimeFormats.parseDate(stringView(s, view));
            }
            case TIME: {
                AsciiView view = new AsciiView();
                return s -> TimeFormats.parseTime(stringView(s, view));
            }
            case TIMESTAMP:
            case TIMESTAMP_LTZ: {
                AsciiView view = new AsciiView();
                int p = type.precision();
                return s -> s.peek() == '"' ? TimeFormats.parseTimestamp(stringView(s, view), iso, p)
                    : TimestampUnits.fromMillis(integral(s), p);
            }
            case ARRAY: return arrayReader(of(type.elementType(), path + "[]", iso, failOnMissing));
            case MAP:
            case MULTISET: return mapReader(type, path, iso, failOnMissing);
            case ROW: return new RowReader(type.rowType(), path + ".", iso, failOnMissing);
            default: throw new UnsupportedOperationException("not supported yet: JSON values of type " + type + " (field '" + path + "')");
        }
    }

    private static CharSequence stringView(JsonScanner s, AsciiView view) {
        int stringEnd = s.scanString();
        if (s.stringHasEscapes) {
            return s.decode(s.stringStart, stringEnd, true);
        }
        return view.of(s.buf, s.stringStart, stringEnd - s.stringStart);
    }

    private static Boolean bool(JsonScanner s) {
        int c = s.peek();
        if (c == 't') {
            s.literal("true");
            return Boolean.TRUE;
        }
        if (c == 'f') {
            s.literal("false");
            return Boolean.FALSE;
        }
        String text = c == '"' ? s.readString() : s.rawValue();
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("expected true or false but was " + text);
    }

    private static long integral(JsonScanner s) {
        if (s.peek() == '"') {
            return Long.parseLong(s.readString().trim());
        }
        int to = s.scanNumber();
        if (s.numberIsIntegral) {
            return s.parseLong(s.numberStart, to);
        }
        return new BigDecimal(s.text(s.numberStart, to)).longValue();
    }

    private static long narrow(long v, long min, long max, DataType type) {
        if (v < min || v > max) {
            throw new IllegalArgumentException("value " + v + " does not fit " + type);
        }
        return v;
    }

    private static String numberText(JsonScanner s) {
        if (s.peek() == '"') {
            return s.readString().trim();
        }
        int to = s.scanNumber();
        return s.text(s.numberStart, to);
    }

    private static BigDecimal decimal(String text, DataType type) {
        BigDecimal d = new BigDecimal(text).setScale(type.scale(), RoundingMode.HALF_UP);
        if (d.precision() > type.precision()) {
            throw new IllegalArgumentException("value " + d + " does not fit " + type);
        }
        return d;
    }

    private static ValueReader arrayReader(ValueReader element) {
        return s -> {
            s.expect('[');
            List<Object> list = new ArrayList<>();
            if (s.consume(']')) {
                return list;
            }
            do {
                list.add(s.consumeNull() ? null : element.read(s));
            } while (s.consume(','));
            s.expect(']');
            return list;
        };
    }

    private static ValueReader mapReader(DataType type, String path, boolean iso, boolean failOnMissing) {
        boolean isMap = type.root() == TypeRoot.MAP;
        DataType keyType = isMap ? type.keyType() : type.elementType();
        ValueReader value = isMap ? of(type.valueType(), path + "{}", iso, failOnMissing) : s -> Math.toIntExact(integral(s));
        Function<String, Object> key = keyParser(keyType, path);
        return s -> {
            s.expect('{');
            Map<Object, Object> map = new LinkedHashMap<>();
            if (s.consume('}')) {
                return map;
            }
            do {
                Object k = key.apply(s.readString());
                s.expect(':');
                map.put(k, s.consumeNull() ? null : value.read(s));
            } while (s.consume(','));
            s.expect('}');
            return map;
        };
    }

    private static Function<String, Object> keyParser(DataType keyType, String path) {
        switch (keyType.root()) {
            case CHAR: case VARCHAR: return k -> k;
            case INTEGER: return Integer::valueOf;
            case BIGINT: return Long::valueOf;
            case SMALLINT: return Short::valueOf;
            case TINYINT: return Byte::valueOf;
            case BOOLEAN: return Boolean::valueOf;
            case DOUBLE: return Double::valueOf;
            default: throw new UnsupportedOperationException("not supported yet: JSON map keys of type " + keyType + " (field '" + path + "')");
        }
    }

    /**
     * Reads a JSON object into a {@link Row}; unknown keys are skipped without decoding. Keys are
     * matched as bytes, trying the next declared field first (records usually keep the order).
     */
    static final class RowReader implements ValueReader {
        private final byte[][] names;
        private final String[] nameStrings;
        private final ValueReader[] fields;
        private final String[] paths;
        private final boolean failOnMissing;

        RowReader(RowType type, String prefix, boolean iso, boolean failOnMissing) {
            int n = type.arity();
            names = new byte[n][];
            nameStrings = new String[n];
            fields = new ValueReader[n];
            paths = new String[n];
            this.failOnMissing = failOnMissing;
            for (int i = 0; i < n; i++) {
                nameStrings[i] = type.fieldName(i);
                names[i] = type.fieldName(i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                paths[i] = prefix + type.fieldName(i);
                fields[i] = of(type.fieldType(i), paths[i], iso, failOnMissing);
            }
        }

        @Override
        public Row read(JsonScanner s) {
            s.expect('{');
            Object[] values = new Object[fields.length];
            boolean[] seen = failOnMissing ? new boolean[fields.length] : null;
            int guess = 0;
            if (!s.consume('}')) {
                do {
                    int keyEnd = s.scanString();
                    int i = find(s, s.stringStart, keyEnd, guess);
                    s.expect(':');
                    if (i < 0) {
                        s.skipValue();
                        continue;
                    }
                    guess = i + 1;
                    if (seen != null) {
                        seen[i] = true;
                    }
                    if (!s.consumeNull()) {
                        values[i] = readField(s, i);
                    }
                } while (s.consume(','));
                s.expect('}');
            }
            if (seen != null) {
                checkMissing(seen);
            }
            return Row.of(values);
        }

        private int find(JsonScanner s, int from, int to, int guess) {
            if (s.stringHasEscapes) {
                String key = s.decode(from, to, true);
                return Arrays.asList(nameStrings).indexOf(key);
            }
            int n = names.length;
            for (int k = 0; k < n; k++) {
                int i = guess + k < n ? guess + k : guess + k - n;
                byte[] name = names[i];
                if (name.length == to - from && Arrays.equals(s.buf, from, to, name, 0, name.length)) {
                    return i;
                }
            }
            return -1;
        }

        private Object readField(JsonScanner s, int i) {
            try {
                return fields[i].read(s);
            } catch (MalformedRecordException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new MalformedRecordException(paths[i], e.getMessage(), e);
            }
        }

        private void checkMissing(boolean[] seen) {
            for (int i = 0; i < seen.length; i++) {
                if (!seen[i]) {
                    throw new MalformedRecordException(paths[i], "missing (json.fail-on-missing-field is true)", null);
                }
            }
        }
    }
}
