package io.weir.connectors.format.avro;

import io.weir.runtime.data.Row;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import io.weir.runtime.types.TimestampUnits;
import io.weir.runtime.types.TypeRoot;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Converts between Weir's internal values and Avro's generic representation, by type, chosen once. */
final class AvroConverters {
    private AvroConverters() {
    }

    /** Avro generic value to internal value (non-null input). */
    static Function<Object, Object> toInternal(DataType t) {
        switch (t.root()) {
            case TINYINT: return v -> ((Integer) v).byteValue();
            case SMALLINT: return v -> ((Integer) v).shortValue();
            case CHAR:
            case VARCHAR: return Object::toString;
            case BINARY:
            case VARBINARY: return v -> bytes((ByteBuffer) v);
            case DECIMAL: return v -> new BigDecimal(new BigInteger(bytes((ByteBuffer) v)), t.scale());
            case ARRAY: {
                Function<Object, Object> e = nullSafe(toInternal(t.elementType()));
                return v -> {
                    List<Object> out = new ArrayList<>();
                    for (Object o : (Collection<?>) v) {
                        out.add(e.apply(o));
                    }
                    return out;
                };
            }
            case MAP: {
                Function<Object, Object> val = nullSafe(toInternal(t.valueType()));
                return v -> {
                    Map<Object, Object> out = new HashMap<>();
                    for (Map.Entry<?, ?> en : ((Map<?, ?>) v).entrySet()) {
                        out.put(en.getKey().toString(), val.apply(en.getValue()));
                    }
                    return out;
                };
            }
            case ROW: {
                RecordToRow r = new RecordToRow(t.rowType());
                return v -> r.apply((GenericRecord) v);
            }
            default: return v -> v;
        }
    }

    /** Internal value to Avro generic value (non-null input). */
    static Function<Object, Object> toAvro(DataType t, Schema schema) {
        Schema s = nonNullBranch(schema);
        switch (t.root()) {
            case TINYINT:
            case SMALLINT: return v -> ((Number) v).intValue();
            case CHAR:
            case VARCHAR: return v -> new Utf8((String) v);
            case BINARY:
            case VARBINARY: return v -> ByteBuffer.wrap((byte[]) v);
            case DECIMAL: return v -> ByteBuffer.wrap(((BigDecimal) v).setScale(t.scale(), java.math.RoundingMode.HALF_UP)
                .unscaledValue().toByteArray());
            case ARRAY: {
                Function<Object, Object> e = nullSafe(toAvro(t.elementType(), s.getElementType()));
                return v -> {
                    List<Object> out = new ArrayList<>();
                    for (Object o : (Collection<?>) v) {
                        out.add(e.apply(o));
                    }
                    return new GenericData.Array<>(s, out);
                };
            }
            case MAP: {
                Function<Object, Object> val = nullSafe(toAvro(t.valueType(), s.getValueType()));
                return v -> {
                    Map<Object, Object> out = new HashMap<>();
                    for (Map.Entry<?, ?> en : ((Map<?, ?>) v).entrySet()) {
                        out.put(new Utf8(en.getKey().toString()), val.apply(en.getValue()));
                    }
                    return out;
                };
            }
            case ROW: {
                RowToRecord r = new RowToRecord(t.rowType(), s);
                return v -> r.apply((Row) v);
            }
            default: return v -> v;
        }
    }

    private static Function<Object, Object> nullSafe(Function<Object, Object> f) {
        return v -> v == null ? null : f.apply(v);
    }

    static Schema nonNullBranch(Schema s) {
        if (s.getType() == Schema.Type.UNION) {
            for (Schema b : s.getTypes()) {
                if (b.getType() != Schema.Type.NULL) {
                    return b;
                }
            }
        }
        return s;
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    /**
     * A generic record of the table's schema to an {@code INSERT} row. With the writer's schema (a
     * file's), a top-level timestamp written in another unit (e.g. timestamp-millis read as a
     * TIMESTAMP(6)) is rescaled; Avro's schema resolution reads the long as it is.
     */
    static final class RecordToRow implements Function<GenericRecord, Row> {
        private final Function<Object, Object>[] fields;

        RecordToRow(RowType type) {
            this(type, null);
        }

        @SuppressWarnings("unchecked")
        RecordToRow(RowType type, Schema writer) {
            fields = new Function[type.arity()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = toInternal(type.fieldType(i));
                int written = writer == null ? -1 : writtenUnitDigits(writer, type.fieldNames().get(i));
                DataType t = type.fieldType(i);
                boolean timestamp = t.root() == TypeRoot.TIMESTAMP || t.root() == TypeRoot.TIMESTAMP_LTZ;
                if (timestamp && written > 0 && written != TimestampUnits.unitDigits(t.precision())) {
                    fields[i] = v -> TimestampUnits.rescale((Long) v, written, t.precision());
                }
            }
        }

        /** 3, 6 or 9 for a timestamp-millis/micros/nanos field of the writer's schema, else -1. */
        private static int writtenUnitDigits(Schema writer, String name) {
            Schema.Field f = writer.getField(name);
            Schema s = f == null ? null : nonNullBranch(f.schema());
            String logical = s == null || s.getLogicalType() == null ? "" : s.getLogicalType().getName();
            return logical.endsWith("-millis") && logical.contains("timestamp") ? 3
                : logical.endsWith("-micros") && logical.contains("timestamp") ? 6
                : logical.endsWith("-nanos") && logical.contains("timestamp") ? 9 : -1;
        }

        @Override
        public Row apply(GenericRecord record) {
            Object[] values = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                Object v = record.get(i);
                values[i] = v == null ? null : fields[i].apply(v);
            }
            return Row.of(values);
        }
    }

    /** A row to a generic record of the given schema; the record is reused between calls. */
    static final class RowToRecord implements Function<Row, GenericRecord> {
        private final Schema schema;
        private final Function<Object, Object>[] fields;

        @SuppressWarnings("unchecked")
        RowToRecord(RowType type, Schema schema) {
            this.schema = schema;
            fields = new Function[type.arity()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = toAvro(type.fieldType(i), schema.getFields().get(i).schema());
            }
        }

        @Override
        public GenericRecord apply(Row row) {
            GenericData.Record record = new GenericData.Record(schema);
            for (int i = 0; i < fields.length; i++) {
                Object v = row.getField(i);
                record.put(i, v == null ? null : fields[i].apply(v));
            }
            return record;
        }
    }
}
