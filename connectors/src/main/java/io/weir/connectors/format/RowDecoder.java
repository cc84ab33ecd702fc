package io.weir.connectors.format;

import io.weir.runtime.data.Row;

import java.util.function.Consumer;

/**
 * Turns one serialized record into rows. Not thread-safe; one instance per task.
 *
 * <p>A malformed record throws {@link MalformedRecordException} naming the field, unless the
 * format's ignore-parse-errors option is set: then the record is skipped and counted in
 * {@link #skippedRecords()}. The caller adds where the record came from (file and line, offset).
 */
public interface RowDecoder {

    /**
     * Decodes {@code bytes[offset, offset + length)} and hands 0..n rows to {@code out} (a
     * changelog format emits two rows for an update). Rows handed out are fresh instances.
     */
    void decode(byte[] bytes, int offset, int length, Consumer<Row> out);

    /** Records skipped as malformed so far (only with ignore-parse-errors). */
    long skippedRecords();
}
