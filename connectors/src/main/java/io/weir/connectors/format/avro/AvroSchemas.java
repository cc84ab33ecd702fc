package io.weir.connectors.format.avro;

import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import io.weir.runtime.types.TypeRoot;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Derives an Avro schema from a table schema, with Avro's logical types so that standard tools
 * show the values as the table means them: DATE {@code int date}, TIME {@code int time-millis},
 * TIMESTAMP(p) {@code long local-timestamp-millis} (p &lt;= 3) or {@code local-timestamp-micros} (p 4..6),
 * TIMESTAMP_LTZ(p) {@code long timestamp-millis} or {@code timestamp-micros},
 * DECIMAL {@code bytes decimal(p, s)}. Nullable types become {@code ["null", T]} unions with
 * default null; nested rows become records named after their path.
 */
public final class AvroSchemas {
    private AvroSchemas() {
    }

    /** The schema of a table's rows, a record named {@code record} (as Flink names it). */
    public static Schema of(RowType rowType) {
        return record(rowType, "record", "io.weir.generated");
    }

    private static Schema record(RowType rowType, String name, String namespace) {
        List<Schema.Field> fields = new ArrayList<>();
        for (RowType.Field f : rowType.fields()) {
            Schema s = of(f.type(), name + "_" + f.name(), namespace);
            fields.add(f.type().isNullable()
                ? new Schema.Field(f.name(), s, null, Schema.Field.NULL_DEFAULT_VALUE)
                : new Schema.Field(f.name(), s));
        }
        return Schema.createRecord(name, null, namespace, false, fields);
    }

    private static Schema of(DataType t, String path, String namespace) {
        Schema s = nonNull(t, path, namespace);
        return t.isNullable() ? Schema.createUnion(Schema.create(Schema.Type.NULL), s) : s;
    }

    private static Schema nonNull(DataType t, String path, String namespace) {
        switch (t.root()) {
            case BOOLEAN: return Schema.create(Schema.Type.BOOLEAN);
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case INTERVAL_YEAR_MONTH: return Schema.create(Schema.Type.INT);
            case BIGINT:
            case INTERVAL_DAY_TIME: return Schema.create(Schema.Type.LONG);
            case FLOAT: return Schema.create(Schema.Type.FLOAT);
            case DOUBLE: return Schema.create(Schema.Type.DOUBLE);
            case DECIMAL: return LogicalTypes.decimal(t.precision(), t.scale()).addToSchema(Schema.create(Schema.Type.BYTES));
            case CHAR:
            case VARCHAR: return Schema.create(Schema.Type.STRING);
            case BINARY:
            case VARBINARY: return Schema.create(Schema.Type.BYTES);
            case DATE: return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
            case TIME: return LogicalTypes.timeMillis().addToSchema(Schema.create(Schema.Type.INT));
            case TIMESTAMP:
            case TIMESTAMP_LTZ: return timestamp(t);
            case ARRAY: return Schema.createArray(of(t.elementType(), path, namespace));
            case MAP:
                if (t.keyType().root() != TypeRoot.VARCHAR && t.keyType().root() != TypeRoot.CHAR) {
                    throw new UnsupportedOperationException("not supported yet: avro maps with keys of type " + t.keyType()
                        + " (Avro map keys are strings)");
                }
                return Schema.createMap(of(t.valueType(), path, namespace));
            case ROW: return record(t.rowType(), path, namespace);
            default: throw new UnsupportedOperationException("not supported yet: avro format with type " + t);
        }
    }

    /** Millis for precision 0..3, micros for 4..6 (the internal value's unit); Avro has no nanosecond type. */
    private static Schema timestamp(DataType t) {
        boolean ltz = t.root() == TypeRoot.TIMESTAMP_LTZ;
        if (t.precision() > 6) {
            throw new UnsupportedOperationException("Avro does not support " + t + ": the avro format supports"
                + " timestamp precisions up to 6 (timestamp-micros)");
        }
        LogicalType logical = t.precision() <= 3
            ? (ltz ? LogicalTypes.timestampMillis() : LogicalTypes.localTimestampMillis())
            : (ltz ? LogicalTypes.timestampMicros() : LogicalTypes.localTimestampMicros());
        return logical.addToSchema(Schema.create(Schema.Type.LONG));
    }
}
