package io.weir.runtime.connector;

import java.io.IOException;
import java.util.List;

/**
 * The writer of a {@link TwoPhaseCommitSink}: writes into the open transaction, and at each
 * checkpoint closes it into committables (pre-commit) and opens the next.
 *
 * <p>Order at checkpoint {@code n} (task thread, when the barrier is aligned):
 * {@link #flush(boolean) flush(false)}, {@link #prepareCommit(long) prepareCommit(n)},
 * {@link #snapshotState(long) snapshotState(n)}; the committables and the state go into the
 * checkpoint. At end of input: {@code flush(true)}, then {@code prepareCommit} for the final
 * checkpoint (or {@link TransactionIds#END_OF_INPUT} when checkpointing is off).
 *
 * @param <C> committable type
 * @param <W> writer state type (e.g. an in-progress file and its length); may be unused
 */
public interface PrecommittingSinkWriter<C, W> extends SinkWriter {

    /** Pre-commits everything written so far for {@code checkpointId}; the returned committables are stored, then committed. */
    List<C> prepareCommit(long checkpointId) throws IOException;

    /** State to restore this writer with (after {@link #prepareCommit}); empty if nothing is open. */
    default List<W> snapshotState(long checkpointId) throws IOException {
        return List.of();
    }
}
