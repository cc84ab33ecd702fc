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
 * Encodes a row as one JSON object. The row kind is not written (use debezium-json for changelogs).
 * One generator over a reused buffer serves every row, so encoding allocates little.
 */
public final class JsonRowEncoder implements RowEncoder {
    private final JsonWriters.RowWriter writer;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private final JsonGenerator generator;

    public JsonRowEncoder(RowType rowType, boolean iso) {
        this.writer = new JsonWriters.RowWriter(rowType, iso);
        try {
            this.generator = JsonRowDecoder.FACTORY.createGenerator(buffer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        generator.configure(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN.mappedFeature(), true);
        generator.setRootValueSeparator(null);
    }

    @Override
    public void encode(Row row, OutputStream out) throws IOException {
        writer.write(generator, row);
        generator.flush();
        buffer.writeTo(out);
        buffer.reset();
    }
}
