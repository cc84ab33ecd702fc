package io.weir.runtime.connector;

import io.weir.checkpoint.serialization.TypeSerializer;
import java.io.IOException;
import java.util.List;

/**
 * An exactly-once sink (DESIGN.md section 7; Flink's Sink V2 writer/committer split): the writer
 * pre-commits at each checkpoint barrier, the pending committables are kept in operator state, and
 * the committer makes them visible on {@code notifyCheckpointComplete}; after a restore the
 * runtime re-commits the restored committables and aborts what no checkpoint covers.
 *
 * @param <C> committable type
 * @param <W> writer state type
 */
public interface TwoPhaseCommitSink<C, W> extends TableSink {

    /**
     * A writer for one subtask, on its task thread in {@code open}, from the writer states restored
     * for this subtask (empty on a fresh start).
     */
    PrecommittingSinkWriter<C, W> createWriter(SinkContext context, List<W> restoredState) throws IOException;

    Committer<C> createCommitter(SinkContext context) throws IOException;

    TypeSerializer<C> committableSerializer();

    TypeSerializer<W> writerStateSerializer();
}
