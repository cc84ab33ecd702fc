package io.weir.connectors.format;

import io.weir.runtime.data.Row;

import java.io.Closeable;
import java.io.IOException;

/** Writes the rows of one file. Called from one thread; {@link #close()} completes the file. */
public interface FileRecordWriter extends Closeable {

    void write(Row row) throws IOException;

    /** Pushes buffered bytes to the underlying stream (not necessarily to disk). */
    void flush() throws IOException;

    /** Bytes handed to the underlying stream so far (an estimate for container formats). */
    long bytesWritten();
}
