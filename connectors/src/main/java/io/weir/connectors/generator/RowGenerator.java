package io.weir.connectors.generator;

import io.weir.runtime.data.Row;
import io.weir.runtime.types.RowType;

/**
 * A deterministic, stateless function from a row's global index to the row. Because every row is
 * computed from its index alone, a generator source can resume at any index and split the index
 * space among subtasks without changing the content. Thread-safe.
 */
public interface RowGenerator {

    RowType rowType();

    /**
     * The row at {@code index} (a fresh instance). {@code anchorMillis} is the wall-clock time the
     * source first started (the same for every row of a split, also after a restore), for values
     * defined relative to "now"; generators with their own time base ignore it.
     */
    Row generate(long index, long anchorMillis);

    /** Rows in total, or -1 for unbounded. */
    long totalRows();

    /** Target rows per second over all splits (0 = as fast as possible). */
    double rowsPerSecond();
}
