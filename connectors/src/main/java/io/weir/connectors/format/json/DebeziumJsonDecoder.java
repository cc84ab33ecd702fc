package io.weir.connectors.format.json;

import io.weir.connectors.format.MalformedRecordException;
import io.weir.connectors.format.RowDecoder;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.types.RowType;

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
    private final JsonScanner scanner = new JsonScanner();
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
        scanner.reset(bytes, offset, length);
        try {
            if (scanner.peek() != '{') {
                throw new MalformedRecordException(null, "expected a JSON object", null);
            }
            if (schemaInclude && !moveToPayload()) {
                throw new MalformedRecordException("payload", "missing (debezium-json.schema-include is true)", null);
            }
            return readChange();
        } catch (MalformedRecordException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedRecordException(null, e.getMessage(), e);
        }
    }

    /** Enters the envelope and stops before the payload object. */
    private boolean moveToPayload() {
        scanner.expect('{');
        if (scanner.consume('}')) {
            return false;
        }
        do {
            String name = scanner.readString();
            scanner.expect(':');
            if (name.equals("payload")) {
                return scanner.peek() == '{';
            }
            scanner.skipValue();
        } while (scanner.consume(','));
        return false;
    }

    private Row[] readChange() {
        Row before = null;
        Row after = null;
        String op = null;
        scanner.expect('{');
        if (!scanner.consume('}')) {
            do {
                String name = scanner.readString();
                scanner.expect(':');
                switch (name) {
                    case "before": before = scanner.consumeNull() ? null : nested("before"); break;
                    case "after": after = scanner.consumeNull() ? null : nested("after"); break;
                    case "op": op = scanner.consumeNull() ? null : scanner.readString(); break;
                    default: scanner.skipValue();
                }
            } while (scanner.consume(','));
            scanner.expect('}');
        }
        if (op == null) {
            throw new MalformedRecordException("op", "missing", null);
        }
        return toRows(op, before, after);
    }

    private Row nested(String field) {
        try {
            return reader.read(scanner);
        } catch (MalformedRecordException e) {
            throw new MalformedRecordException(e.field() == null ? field : field + "." + e.field(), e.getCause() == null ? e.getMessage() : e.getCause().getMessage(), e);
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
