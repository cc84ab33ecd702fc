package io.weir.connectors.format;

import io.weir.runtime.data.Row;

import java.io.Closeable;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads the records of one file in order. Called from one thread. After each
 * {@link #readNext} the {@link #position()} is the position just after the record read, so that
 * a reader opened there continues with the next record.
 */
public interface FileRecordReader extends Closeable {

    /**
     * Reads the next record and hands its rows to {@code out}; returns false at the end of the file.
     * A malformed record throws {@link MalformedRecordException} naming the file, line (or offset)
     * and field, or is skipped and counted with the format's ignore-parse-errors option.
     */
    boolean readNext(Consumer<Row> out) throws IOException;

    /** Where the next record starts. */
    FilePosition position();

    /** Malformed records skipped so far. */
    long skippedRecords();
}
