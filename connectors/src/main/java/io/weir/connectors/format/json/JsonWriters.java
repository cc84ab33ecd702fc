package io.weir.connectors.format.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.weir.connectors.format.TimeFormats;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Builds, once per type, a tree of writers from Weir's internal values to a streaming {@link JsonGenerator}. */
final class JsonWriters {

    /** Writes a non-null value. */
    interface ValueWriter {
        void write(JsonGenerator g, Object value) throws IOException;
    }

    private JsonWriters() {
    }

    static ValueWriter of(DataType type, boolean iso) {
        switch (type.root()) {
            case BOOLEAN: return (g, v) -> g.writeBoolean((Boolean) v);
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case INTERVAL_YEAR_MONTH: return (g, v) -> g.writeNumber(((Number) v).intValue());
            case BIGINT:
            case INTERVAL_DAY_TIME: return (g, v) -> g.writeNumber((Long) v);
            case FLOAT: return (g, v) -> g.writeNumber((Float) v);
            case DOUBLE: return (g, v) -> g.writeNumber((Double) v);
            case DECIMAL: return (g, v) -> g.writeNumber((BigDecimal) v);
            case CHAR:
            case VARCHAR: return (g, v) -> g.writeString((String) v);
            case BINARY:
            case VARBINARY: return (g, v) -> g.writeBinary((byte[]) v);
            case DATE: return (g, v) -> g.writeString(TimeFormats.appendDate(new StringBuilder(10), (Integer) v).toString());
            case TIME: return (g, v) -> g.writeString(TimeFormats.appendTime(new StringBuilder(12), (Integer) v, type.precision()).toString());
            case TIMESTAMP: return (g, v) -> g.writeString(timestamp((Long) v, iso, type.precision(), false));
            case TIMESTAMP_LTZ: return (g, v) -> g.writeString(timestamp((Long) v, iso, type.precision(), true));
            case ARRAY: return arrayWriter(of(type.elementType(), iso));
            case MAP: return mapWriter(of(type.valueType(), iso));
            case MULTISET: return mapWriter((g, v) -> g.writeNumber(((Number) v).intValue()));
            case ROW: return new RowWriter(type.rowType(), iso);
            default: throw new UnsupportedOperationException("not supported yet: JSON values of type " + type);
        }
    }

    private static String timestamp(long millis, boolean iso, int precision, boolean zone) {
        StringBuilder sb = TimeFormats.appendTimestamp(new StringBuilder(24), millis, iso, precision);
        return zone ? sb.append('Z').toString() : sb.toString();
    }

    private static ValueWriter arrayWriter(ValueWriter element) {
        return (g, v) -> {
            List<?> list = (List<?>) v;
            g.writeStartArray();
            for (Object e : list) {
                if (e == null) {
                    g.writeNull();
                } else {
                    element.write(g, e);
                }
            }
            g.writeEndArray();
        };
    }

    private static ValueWriter mapWriter(ValueWriter value) {
        return (g, v) -> {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                if (e.getValue() == null) {
                    g.writeNull();
                } else {
                    value.write(g, e.getValue());
                }
            }
            g.writeEndObject();
        };
    }

    /** Writes a {@link Row} as a JSON object with the row type's field names; nulls are written as null. */
    static final class RowWriter implements ValueWriter {
        private final String[] names;
        private final ValueWriter[] fields;

        RowWriter(RowType type, boolean iso) {
            names = type.fieldNames().toArray(new String[0]);
            fields = new ValueWriter[type.arity()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = of(type.fieldType(i), iso);
            }
        }

        @Override
        public void write(JsonGenerator g, Object value) throws IOException {
            Row row = (Row) value;
            g.writeStartObject();
            for (int i = 0; i < fields.length; i++) {
                g.writeFieldName(names[i]);
                Object v = row.getField(i);
                if (v == null) {
                    g.writeNull();
                } else {
                    fields[i].write(g, v);
                }
            }
            g.writeEndObject();
        }
    }
}
