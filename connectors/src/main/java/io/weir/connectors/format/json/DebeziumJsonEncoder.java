package io.weir.connectors.format.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.ByteArrayOutputStream;
import io.weir.connectors.format.RowEncoder;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.RowType;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Encodes changelog rows as Debezium change events: {@code +I} as op c with after, {@code -D} as
 * op d with before, {@code -U} as op u with only before and {@code +U} as op u with only after,
 * so that {@link DebeziumJsonDecoder} reads back exactly the same changelog.
 */
public final class DebeziumJsonEncoder implements RowEncoder {
    private final JsonWriters.RowWriter writer;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private final JsonGenerator g;

    public DebeziumJsonEncoder(RowType rowType, boolean iso) {
        this.writer = new JsonWriters.RowWriter(rowType, iso);
        try {
            this.g = JsonRowDecoder.FACTORY.createGenerator(buffer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        g.configure(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN.mappedFeature(), true);
        g.setRootValueSeparator(null);
    }

    @Override
    public void encode(Row row, OutputStream out) throws IOException {
        boolean isBefore = row.getKind().isRetract();
        g.writeStartObject();
        g.writeFieldName("before");
        writeOrNull(isBefore ? row : null);
        g.writeFieldName("after");
        writeOrNull(isBefore ? null : row);
        g.writeStringField("op", op(row));
        g.writeEndObject();
        g.flush();
        buffer.writeTo(out);
        buffer.reset();
    }

    private void writeOrNull(Row row) throws IOException {
        if (row == null) {
            g.writeNull();
        } else {
            writer.write(g, row);
        }
    }

    private static String op(Row row) {
        switch (row.getKind()) {
            case INSERT: return "c";
            case DELETE: return "d";
            default: return "u";
        }
    }
}
