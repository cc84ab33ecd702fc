package io.weir.runtime.connector;

import io.weir.checkpoint.CheckpointingOptions;
import io.weir.checkpoint.serialization.DataInputView;
import io.weir.checkpoint.serialization.DataOutputView;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.ListState;
import io.weir.checkpoint.state.ListStateDescriptor;
import io.weir.runtime.data.Row;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.StateInitialization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a {@link TwoPhaseCommitSink} (see the call order on {@link PrecommittingSinkWriter} and
 * {@link Committer}): pre-commit at each checkpoint, keep the pending committables per checkpoint
 * in operator state, commit them on {@code notifyCheckpointComplete}, re-commit the restored ones
 * and abort uncovered transactions on restore. Without checkpointing
 * ({@code execution.checkpointing.interval} unset) the tail is committed at end of input.
 */
final class TwoPhaseCommitSinkOperator<C, W> implements OneInputStreamOperator {
    private final TwoPhaseCommitSink<C, W> sink;
    private OperatorContext context;
    private PrecommittingSinkWriter<C, W> writer;
    private Committer<C> committer;
    private final TreeMap<Long, List<C>> pending = new TreeMap<>();
    private boolean checkpointing;

    TwoPhaseCommitSinkOperator(TwoPhaseCommitSink<C, W> sink) {
        this.sink = sink;
    }

    @Override
    public void open(OperatorContext ctx) {
        this.context = ctx;
        this.checkpointing = ctx.configuration().getOptional(CheckpointingOptions.INTERVAL)
            .map(d -> !d.isZero() && !d.isNegative()).orElse(false);
    }

    @Override
    public void initializeState(StateInitialization init) throws Exception {
        long restoredId = init.restoredCheckpointId().orElse(-1);
        SinkContext sinkContext = new SinkContextImpl(context, restoredId);
        List<W> writerState = new ArrayList<>();
        List<C> restoredCommittables = new ArrayList<>();
        if (init.isRestored()) {
            for (W w : writerState().get()) {
                writerState.add(w);
            }
            for (Pending<C> p : pendingState().get()) {
                restoredCommittables.add(p.committable);
            }
        }
        committer = sink.createCommitter(sinkContext);
        if (!restoredCommittables.isEmpty()) {
            committer.commit(restoredCommittables);
        }
        committer.abortUncovered(sinkContext, restoredCommittables);
        writer = sink.createWriter(sinkContext, writerState);
    }

    @Override
    public void processElement(Row row) throws Exception {
        writer.write(row);
    }

    @Override
    public void snapshotState(long checkpointId) throws Exception {
        writer.flush(false);
        pending.put(checkpointId, new ArrayList<>(writer.prepareCommit(checkpointId)));
        writerState().update(writer.snapshotState(checkpointId));
        List<Pending<C>> all = new ArrayList<>();
        for (Map.Entry<Long, List<C>> e : pending.entrySet()) {
            for (C c : e.getValue()) {
                all.add(new Pending<>(e.getKey(), c));
            }
        }
        pendingState().update(all);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        Map<Long, List<C>> done = pending.headMap(checkpointId, true);
        List<C> toCommit = new ArrayList<>();
        done.values().forEach(toCommit::addAll);
        if (!toCommit.isEmpty()) {
            committer.commit(toCommit);
        }
        done.clear();
    }

    @Override
    public void finish() throws Exception {
        writer.flush(true);
        if (!checkpointing) {
            List<C> tail = new ArrayList<>();
            pending.values().forEach(tail::addAll);
            tail.addAll(writer.prepareCommit(TransactionIds.END_OF_INPUT));
            pending.clear();
            committer.commit(tail);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (writer != null) {
                writer.close();
            }
        } finally {
            if (committer != null) {
                committer.close();
            }
        }
    }

    private ListState<W> writerState() throws Exception {
        return context.operatorStateBackend().getListState(new ListStateDescriptor<>("sink-writer", sink.writerStateSerializer()));
    }

    private ListState<Pending<C>> pendingState() throws Exception {
        return context.operatorStateBackend().getListState(
            new ListStateDescriptor<>("sink-committables", new PendingSerializer<>(sink.committableSerializer())));
    }

    /** A committable and the checkpoint that produced it. */
    static final class Pending<C> {
        final long checkpointId;
        final C committable;

        Pending(long checkpointId, C committable) {
            this.checkpointId = checkpointId;
            this.committable = committable;
        }
    }

    private static final class PendingSerializer<C> implements TypeSerializer<Pending<C>> {
        private final TypeSerializer<C> inner;

        PendingSerializer(TypeSerializer<C> inner) {
            this.inner = inner;
        }

        @Override
        public void serialize(Pending<C> value, DataOutputView out) throws IOException {
            out.writeLong(value.checkpointId);
            inner.serialize(value.committable, out);
        }

        @Override
        public Pending<C> deserialize(DataInputView in) throws IOException {
            long id = in.readLong();
            return new Pending<>(id, inner.deserialize(in));
        }

        @Override
        public Pending<C> copy(Pending<C> value) {
            return value;
        }
    }
}
