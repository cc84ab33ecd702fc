package io.weir.connectors.format.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.weir.connectors.format.MalformedRecordException;
import io.weir.connectors.format.RowDecoder;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.types.RowType;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Decodes Debezium change events {@code {"before": {...}, "after": {...}, "op": "c|r|u|d"}} into
 * changelog rows: c and r give {@code +I(after)}, u gives {@code -U(before)} then
 * {@code +U(after)} (either half may be absent, which is how {@link DebeziumJsonEncoder} writes
 * a lone {@code -U} or {@code +U}), d gives {@code -D(before)}. With schema-include the event is
 * the {@code payload} of a {@code {"schema": ..., "payload": ...}} envelope.
 */
public final class DebeziumJsonDecoder implements RowDecoder {
    private final JsonReaders.RowReader reader;
    private final boolean schemaInclude;
    private final boolean ignoreParseErrors;
    private long skipped;

    public DebeziumJsonDecoder(RowType rowType, boolean iso, boolean schemaInclude, boolean ignoreParseErrors) {
        this.reader = new JsonReaders.RowReader(rowType, "", iso, false);
        this.schemaInclude = schemaInclude;
        this.ignoreParseErrors = ignoreParseErrors;
    }

    @Override
    public void decode(byte[] bytes, int offset, int length, Consumer<Row> out) {
        Row[] change;
        try {
            change = parse(bytes, offset, length);
        } catch (MalformedRecordException e) {
            if (ignoreParseErrors) {
                skipped++;
                return;
            }
            throw e;
        }
        for (Row r : change) {
            if (r != null) {
                out.accept(r);
            }
        }
    }

    private Row[] parse(byte[] bytes, int offset, int length) {
        try (JsonParser p = JsonRowDecoder.FACTORY.createParser(bytes, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedRecordException(null, "expected a JSON object", null);
            }
            if (schemaInclude && !moveToField(p, "payload")) {
                throw new MalformedRecordException("payload", "missing (debezium-json.schema-include is true)", null);
            }
            return readChange(p);
        } catch (MalformedRecordException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MalformedRecordException(null, "invalid JSON: " + e.getMessage(), e);
        }
    }

    private static boolean moveToField(JsonParser p, String field) throws IOException {
        String name;
        while ((name = p.nextFieldName()) != null) {
            p.nextToken();
            if (name.equals(field)) {
                return p.currentToken() == JsonToken.START_OBJECT;
            }
            p.skipChildren();
        }
        return false;
    }

    private Row[] readChange(JsonParser p) throws IOException {
        Row before = null;
        Row after = null;
        String op = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "before": before = t == JsonToken.VALUE_NULL ? null : nested(p, "before"); break;
                case "after": after = t == JsonToken.VALUE_NULL ? null : nested(p, "after"); break;
                case "op": op = p.getValueAsString(); break;
                default: p.skipChildren();
            }
        }
        if (op == null) {
            throw new MalformedRecordException("op", "missing", null);
        }
        return toRows(op, before, after);
    }

    private Row nested(JsonParser p, String field) throws IOException {
        try {
            return reader.read(p);
        } catch (MalformedRecordException e) {
            throw new MalformedRecordException(field + "." + e.field(), e.getCause() == null ? e.getMessage() : e.getCause().getMessage(), e);
        }
    }

    private static Row[] toRows(String op, Row before, Row after) {
        switch (op) {
            case "c":
            case "r":
                return new Row[] {require(after, "after", op)};
            case "u":
                if (before == null && after == null) {
                    throw new MalformedRecordException("before", "both before and after are null for op 'u'", null);
                }
                return new Row[] {kind(before, RowKind.UPDATE_BEFORE), kind(after, RowKind.UPDATE_AFTER)};
            case "d":
                return new Row[] {kind(require(before, "before", op), RowKind.DELETE)};
            default:
                throw new MalformedRecordException("op", "unknown operation '" + op + "', expected c, r, u or d", null);
        }
    }

    private static Row require(Row row, String field, String op) {
        if (row == null) {
            throw new MalformedRecordException(field, "null for op '" + op + "'", null);
        }
        return row;
    }

    private static Row kind(Row row, RowKind kind) {
        if (row != null) {
            row.setKind(kind);
        }
        return row;
    }

    @Override
    public long skippedRecords() {
        return skipped;
    }
}
