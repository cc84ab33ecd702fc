package io.weir.connectors.format;

import io.weir.runtime.data.Row;

import java.io.IOException;
import java.io.OutputStream;

/** Turns rows into serialized records. Not thread-safe; one instance per task. */
public interface RowEncoder {

    /** Writes one record for {@code row} to {@code out}, without a record separator. */
    void encode(Row row, OutputStream out) throws IOException;

    /** Encodes into a fresh byte array (for message-based sinks and tests). */
    default byte[] encode(Row row) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(128);
        try {
            encode(row, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
