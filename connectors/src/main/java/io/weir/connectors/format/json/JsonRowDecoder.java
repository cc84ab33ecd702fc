package io.weir.connectors.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import io.weir.connectors.format.MalformedRecordException;
import io.weir.connectors.format.RowDecoder;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.RowType;

import java.util.function.Consumer;

/** Decodes one JSON object per record into an {@code INSERT} row, with {@link JsonScanner}. */
public final class JsonRowDecoder implements RowDecoder {
    static final JsonFactory FACTORY = new JsonFactory();

    private final JsonReaders.RowReader reader;
    private final JsonScanner scanner = new JsonScanner();
    private final boolean ignoreParseErrors;
    private long skipped;

    public JsonRowDecoder(RowType rowType, boolean iso, boolean failOnMissingField, boolean ignoreParseErrors) {
        this.reader = new JsonReaders.RowReader(rowType, "", iso, failOnMissingField);
        this.ignoreParseErrors = ignoreParseErrors;
    }

    @Override
    public void decode(byte[] bytes, int offset, int length, Consumer<Row> out) {
        Row row;
        try {
            row = decodeRow(bytes, offset, length);
        } catch (MalformedRecordException e) {
            if (ignoreParseErrors) {
                skipped++;
                return;
            }
            throw e;
        }
        out.accept(row);
    }

    /** Decodes one object, or throws {@link MalformedRecordException} (regardless of ignore-parse-errors). */
    Row decodeRow(byte[] bytes, int offset, int length) {
        scanner.reset(bytes, offset, length);
        try {
            if (scanner.peek() != '{') {
                throw new MalformedRecordException(null, "expected a JSON object", null);
            }
            Row row = reader.read(scanner);
            if (scanner.peek() != -1) {
                throw scanner.error("unexpected text after the object");
            }
            return row;
        } catch (MalformedRecordException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedRecordException(null, e.getMessage(), e);
        }
    }

    @Override
    public long skippedRecords() {
        return skipped;
    }
}
