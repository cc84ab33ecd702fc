package io.weir.runtime.connector;

import io.weir.runtime.data.Row;
import java.io.IOException;

/**
 * Writes the rows of one sink subtask. Called only on the sink's task thread.
 * Order: {@link #write} for each row; {@link #flush(boolean)} at every checkpoint (false) and once
 * at end of input (true); {@link #close()} last, always (also after a failure).
 */
public interface SinkWriter extends AutoCloseable {

    /** Writes one row (its {@link io.weir.runtime.data.RowKind} is in the accepted changelog mode). */
    void write(Row row) throws IOException;

    /** Pushes buffered rows out; {@code endOfInput} is true once, after the last row. */
    void flush(boolean endOfInput) throws IOException;

    @Override
    void close() throws IOException;
}
