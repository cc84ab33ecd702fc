package io.weir.runtime.connector;

import io.weir.runtime.data.Row;
import java.io.IOException;

/**
 * Reads one split. Pulled by the source task on its own thread (never concurrently): the task calls
 * {@link #poll()} a bounded number of times per loop turn and handles mailbox letters (checkpoint
 * triggers, timers) in between, so the reader must not block for long.
 *
 * <p>Call order: {@code poll()} until {@link #isFinished()}; {@link #snapshot()} at any point
 * between two polls (a checkpoint); {@link #close()} last, always.
 *
 * @param <S> the split type
 */
public interface SplitReader<S extends SourceSplit> extends AutoCloseable {

    /**
     * The next row, or null if none is available right now (end of split, or an unbounded split
     * with nothing new, or a rate limit). A returned row belongs to the caller.
     */
    Row poll() throws IOException;

    /** True once the split is exhausted (only bounded splits ever finish). */
    boolean isFinished();

    /**
     * True while this reader reads a backlog: data that existed before the job started, such as the
     * files a filesystem source found at startup (Flink's {@code isProcessingBacklog}). While any
     * source reports backlog, checkpoints follow {@code execution.checkpointing.interval-during-backlog}.
     * Called on the task thread between polls. Generators and live streams never are.
     */
    default boolean isProcessingBacklog() {
        return false;
    }

    /** The split with the position after the last row returned by {@link #poll()}. */
    S snapshot();

    @Override
    void close() throws IOException;
}
