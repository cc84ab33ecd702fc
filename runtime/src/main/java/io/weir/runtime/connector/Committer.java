package io.weir.runtime.connector;

import java.io.IOException;
import java.util.List;

/**
 * Commits what {@link PrecommittingSinkWriter#prepareCommit} produced. Runs on the sink's task
 * thread: {@link #commit} in {@code notifyCheckpointComplete(n)} for the committables of
 * checkpoints {@code <= n}, and again after a restore for every committable the restored checkpoint
 * holds (it may already have been committed before the crash: commit must be idempotent). Then
 * {@link #abortUncovered} once after a restore (and on a fresh start), before new rows are written.
 *
 * @param <C> committable type
 */
public interface Committer<C> extends AutoCloseable {

    /** Makes the committables visible; committing an already committed one is a no-op. */
    void commit(List<C> committables) throws IOException;

    /**
     * Aborts whatever this subtask's earlier attempts left that no completed checkpoint covers:
     * transactions ({@link TransactionIds#prefix}) with a checkpoint id greater than
     * {@code context.restoredCheckpointId()} and not in {@code pendingRestored}.
     */
    void abortUncovered(SinkContext context, List<C> pendingRestored) throws IOException;

    @Override
    default void close() throws IOException {
    }
}
