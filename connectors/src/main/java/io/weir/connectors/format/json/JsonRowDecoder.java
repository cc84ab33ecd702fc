package io.weir.connectors.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.weir.connectors.format.MalformedRecordException;
import io.weir.connectors.format.RowDecoder;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.RowType;

import java.io.IOException;
import java.util.function.Consumer;

/** Decodes one JSON object per record into an {@code INSERT} row, streaming with Jackson. */
public final class JsonRowDecoder implements RowDecoder {
    static final JsonFactory FACTORY = new JsonFactory();

    private final JsonReaders.RowReader reader;
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
        try (JsonParser p = FACTORY.createParser(bytes, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedRecordException(null, "expected a JSON object", null);
            }
            return reader.read(p);
        } catch (MalformedRecordException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MalformedRecordException(null, "invalid JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public long skippedRecords() {
        return skipped;
    }
}
