package io.weir.runtime.connector;

import io.weir.runtime.data.Row;
import java.io.IOException;
import java.util.List;

/**
 * Finds the rows of a table whose key fields equal a key: the runtime side of {@link SupportsLookup}
 * (Flink's {@code LookupFunction}). One instance per subtask, used only by that subtask's task
 * thread, so it needs no locks.
 *
 * <p>Call order: {@link #open} once, then {@link #lookup} any number of times, {@link #close} last
 * (always, also after a failed open). Whatever it caches is a cache, not state: it is not
 * checkpointed, and a restored job starts with a fresh instance that loads again.
 */
public interface LookupFunction extends AutoCloseable {

    /** Prepares the function (e.g. loads or connects); {@code context} describes the subtask. */
    void open(SourceContext context) throws IOException;

    /**
     * The rows (of the source's produced type, kind {@code INSERT}) whose key fields equal
     * {@code key}'s fields, in the order of the key fields given at creation; empty if none. The
     * returned list and rows must not be modified by the caller; a {@code key} field that is NULL
     * matches nothing.
     */
    List<Row> lookup(Row key) throws IOException;

    @Override
    void close() throws IOException;
}
