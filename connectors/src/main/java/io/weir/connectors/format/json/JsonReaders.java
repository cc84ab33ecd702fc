package io.weir.connectors.format.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.weir.connectors.format.MalformedRecordException;
import io.weir.connectors.format.TimeFormats;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds, once per type, a tree of readers that turn the current JSON value of a streaming
 * {@link JsonParser} into Weir's internal value, without an intermediate JSON tree.
 */
final class JsonReaders {

    /** Reads the value at the parser's current token (never {@code VALUE_NULL}, handled by the caller). */
    interface ValueReader {
        Object read(JsonParser p) throws IOException;
    }

    private static final com.fasterxml.jackson.core.JsonFactory FACTORY = new com.fasterxml.jackson.core.JsonFactory();

    private JsonReaders() {
    }

    static ValueReader of(DataType type, String path, boolean iso, boolean failOnMissing) {
        switch (type.root()) {
            case BOOLEAN: return p -> p.currentToken() == JsonToken.VALUE_STRING ? parseBoolean(p.getText()) : p.getBooleanValue();
            case TINYINT: return p -> (byte) intValue(p);
            case SMALLINT: return p -> (short) intValue(p);
            case INTEGER: return JsonReaders::intValue;
            case BIGINT: return p -> p.currentToken() == JsonToken.VALUE_STRING ? Long.parseLong(p.getText().trim()) : p.getLongValue();
            case FLOAT: return p -> p.currentToken() == JsonToken.VALUE_STRING ? Float.parseFloat(p.getText()) : p.getFloatValue();
            case DOUBLE: return p -> p.currentToken() == JsonToken.VALUE_STRING ? Double.parseDouble(p.getText()) : p.getDoubleValue();
            case DECIMAL: return p -> decimal(p, type);
            case CHAR:
            case VARCHAR: return JsonReaders::text;
            case BINARY:
            case VARBINARY: return JsonParser::getBinaryValue;
            case DATE: return p -> TimeFormats.parseDate(p.getText());
            case TIME: return p -> TimeFormats.parseTime(p.getText());
            case TIMESTAMP:
            case TIMESTAMP_LTZ: return p -> p.currentToken() == JsonToken.VALUE_NUMBER_INT
                ? p.getLongValue() : TimeFormats.parseTimestamp(p.getText(), iso);
            case INTERVAL_YEAR_MONTH: return JsonReaders::intValue;
            case INTERVAL_DAY_TIME: return JsonParser::getLongValue;
            case ARRAY: return arrayReader(of(type.elementType(), path + "[]", iso, failOnMissing));
            case MAP:
            case MULTISET: return mapReader(type, path, iso, failOnMissing);
            case ROW: return new RowReader(type.rowType(), path + ".", iso, failOnMissing);
            default: throw new UnsupportedOperationException("not supported yet: JSON values of type " + type + " (field '" + path + "')");
        }
    }

    private static int intValue(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_STRING ? Integer.parseInt(p.getText().trim()) : p.getIntValue();
    }

    private static Boolean parseBoolean(String s) {
        if ("true".equalsIgnoreCase(s)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(s)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("expected true or false but was '" + s + "'");
    }

    private static BigDecimal decimal(JsonParser p, DataType type) throws IOException {
        BigDecimal d = p.currentToken() == JsonToken.VALUE_STRING ? new BigDecimal(p.getText().trim()) : p.getDecimalValue();
        d = d.setScale(type.scale(), RoundingMode.HALF_UP);
        if (d.precision() > type.precision()) {
            throw new IllegalArgumentException("value " + d + " does not fit " + type);
        }
        return d;
    }

    /** Strings as they are; other JSON values (numbers, objects, arrays) as their JSON text, like Flink. */
    private static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING || t.isScalarValue()) {
            return p.getText();
        }
        StringWriter w = new StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator g = FACTORY.createGenerator(w)) {
            g.copyCurrentStructure(p);
        }
        return w.toString();
    }

    private static ValueReader arrayReader(ValueReader element) {
        return p -> {
            expect(p, JsonToken.START_ARRAY);
            List<Object> list = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                list.add(t == JsonToken.VALUE_NULL ? null : element.read(p));
            }
            return list;
        };
    }

    private static ValueReader mapReader(DataType type, String path, boolean iso, boolean failOnMissing) {
        DataType keyType = type.root() == io.weir.runtime.types.TypeRoot.MAP ? type.keyType() : type.elementType();
        ValueReader value = type.root() == io.weir.runtime.types.TypeRoot.MAP
            ? of(type.valueType(), path + "{}", iso, failOnMissing) : p -> p.getIntValue();
        java.util.function.Function<String, Object> key = keyParser(keyType, path);
        return p -> {
            expect(p, JsonToken.START_OBJECT);
            Map<Object, Object> map = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                Object k = key.apply(p.currentName());
                JsonToken t = p.nextToken();
                map.put(k, t == JsonToken.VALUE_NULL ? null : value.read(p));
            }
            return map;
        };
    }

    private static java.util.function.Function<String, Object> keyParser(DataType keyType, String path) {
        switch (keyType.root()) {
            case CHAR: case VARCHAR: return s -> s;
            case INTEGER: return Integer::valueOf;
            case BIGINT: return Long::valueOf;
            case SMALLINT: return Short::valueOf;
            case TINYINT: return Byte::valueOf;
            case BOOLEAN: return JsonReaders::parseBoolean;
            case DOUBLE: return Double::valueOf;
            default: throw new UnsupportedOperationException("not supported yet: JSON map keys of type " + keyType + " (field '" + path + "')");
        }
    }

    static void expect(JsonParser p, JsonToken expected) {
        if (p.currentToken() != expected) {
            throw new IllegalArgumentException("expected " + describe(expected) + " but found " + describe(p.currentToken()));
        }
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "end of input";
        }
        switch (t) {
            case START_OBJECT: return "a JSON object";
            case START_ARRAY: return "a JSON array";
            case VALUE_STRING: return "a string";
            default: return t.asString() != null ? "'" + t.asString() + "'" : t.name().toLowerCase();
        }
    }

    /** Reads a JSON object into a {@link Row} of a given type; unknown keys are skipped. */
    static final class RowReader implements ValueReader {
        private final Map<String, Integer> index = new HashMap<>();
        private final ValueReader[] fields;
        private final String[] paths;
        private final boolean failOnMissing;

        RowReader(RowType type, String prefix, boolean iso, boolean failOnMissing) {
            int n = type.arity();
            fields = new ValueReader[n];
            paths = new String[n];
            this.failOnMissing = failOnMissing;
            for (int i = 0; i < n; i++) {
                paths[i] = prefix + type.fieldName(i);
                index.put(type.fieldName(i), i);
                fields[i] = of(type.fieldType(i), paths[i], iso, failOnMissing);
            }
        }

        @Override
        public Row read(JsonParser p) throws IOException {
            expect(p, JsonToken.START_OBJECT);
            Object[] values = new Object[fields.length];
            int seen = 0;
            long seenMask = 0;
            String name;
            while ((name = p.nextFieldName()) != null) {
                Integer i = index.get(name);
                JsonToken t = p.nextToken();
                if (i == null) {
                    p.skipChildren();
                    continue;
                }
                if (t != JsonToken.VALUE_NULL) {
                    values[i] = readField(p, i);
                }
                if (failOnMissing && (i >= 64 || (seenMask & (1L << i)) == 0)) {
                    seenMask |= i < 64 ? 1L << i : 0;
                    seen++;
                }
            }
            expect(p, JsonToken.END_OBJECT);
            if (failOnMissing && seen < fields.length) {
                throw missing(values, seenMask);
            }
            return Row.of(values);
        }

        private Object readField(JsonParser p, int i) throws IOException {
            try {
                return fields[i].read(p);
            } catch (MalformedRecordException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new MalformedRecordException(paths[i], e.getMessage(), e);
            }
        }

        private MalformedRecordException missing(Object[] values, long seenMask) {
            for (int i = 0; i < fields.length; i++) {
                if (i < 64 ? (seenMask & (1L << i)) == 0 : values[i] == null) {
                    return new MalformedRecordException(paths[i], "missing (json.fail-on-missing-field is true)", null);
                }
            }
            return new MalformedRecordException(null, "missing fields", null);
        }
    }
}
