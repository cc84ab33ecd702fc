package io.weir.runtime.connector;

import io.weir.checkpoint.serialization.StringSerializer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.runtime.data.Row;
import io.weir.runtime.tasks.OperatorRestoreState;
import io.weir.runtime.testutils.OperatorHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The two-phase-commit protocol of the sink operator against a fake transactional store. */
class TwoPhaseCommitSinkTest {

    /** A fake store: open transactions by id, committed rows; commit is idempotent. */
    static final class Store {
        final Map<String, List<String>> open = new TreeMap<>();
        final List<String> committed = new ArrayList<>();
        final List<String> committedIds = new ArrayList<>();
        final List<String> aborted = new ArrayList<>();
    }

    static final class FakeSink implements TwoPhaseCommitSink<String, String> {
        final Store store;

        FakeSink(Store store) {
            this.store = store;
        }

        @Override
        public ChangelogMode acceptedChangelogMode() {
            return ChangelogMode.insertOnly();
        }

        @Override
        public PrecommittingSinkWriter<String, String> createWriter(SinkContext ctx, List<String> restoredState) {
            return new PrecommittingSinkWriter<String, String>() {
                long nextCheckpoint = Math.max(ctx.restoredCheckpointId(), 0) + 1;
                String txn = begin();

                private String begin() {
                    String id = ctx.transactionId(nextCheckpoint);
                    store.open.put(id, new ArrayList<>());
                    return id;
                }

                @Override
                public void write(Row row) {
                    store.open.get(txn).add(row.getField(0).toString());
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public List<String> prepareCommit(long checkpointId) {
                    String done = txn;
                    nextCheckpoint = checkpointId + 1;
                    txn = begin();
                    return List.of(done);
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public Committer<String> createCommitter(SinkContext ctx) {
            return new Committer<>() {
                @Override
                public void commit(List<String> txns) {
                    for (String t : txns) {
                        List<String> rows = store.open.remove(t);
                        if (rows != null) {
                            store.committed.addAll(rows);
                            store.committedIds.add(t);
                        }
                    }
                }

                @Override
                public void abortUncovered(SinkContext c, List<String> pendingRestored) {
                    String prefix = TransactionIds.prefix(c.jobId(), c.operatorUid(), c.subtaskIndex());
                    store.open.keySet().removeIf(id -> {
                        boolean abort = id.startsWith(prefix) && TransactionIds.checkpointIdOf(id) > c.restoredCheckpointId()
                            && !pendingRestored.contains(id);
                        if (abort) {
                            store.aborted.add(id);
                        }
                        return abort;
                    });
                }
            };
        }

        @Override
        public TypeSerializer<String> committableSerializer() {
            return StringSerializer.INSTANCE;
        }

        @Override
        public TypeSerializer<String> writerStateSerializer() {
            return StringSerializer.INSTANCE;
        }
    }

    private static Configuration checkpointing() {
        Configuration c = new Configuration();
        c.setString("execution.checkpointing.interval", "10 s");
        return c;
    }

    @Test
    void shouldCommitOnlyWhenTheCheckpointCompletes() throws Exception {
        Store store = new Store();
        try (OperatorHarness h = OperatorHarness.builder(SinkOperatorFactory.create("sink", "sink", new FakeSink(store)))
            .configuration(checkpointing()).open()) {
            h.processElement(Row.of("a")).processElement(Row.of("b"));
            h.snapshot();
            h.processElement(Row.of("c"));
            assertEquals(List.of(), store.committed);
            h.notifyCheckpointComplete(1);
            assertEquals(List.of("a", "b"), store.committed);
            assertEquals("weir-harness-sink-0-1", store.committedIds.get(0));
        }
    }

    @Test
    void whenRestored_thenPendingTransactionsAreReCommittedAndUncoveredOnesAborted() throws Exception {
        Store store = new Store();
        OperatorRestoreState state;
        try (OperatorHarness h = OperatorHarness.builder(SinkOperatorFactory.create("sink", "sink", new FakeSink(store)))
            .configuration(checkpointing()).open()) {
            h.processElement(Row.of("a"));
            state = h.snapshot();
            h.processElement(Row.of("lost"));
            // crash before notifyCheckpointComplete(1): "a" is pending, "lost" is in transaction 2
        }
        try (OperatorHarness h = OperatorHarness.builder(SinkOperatorFactory.create("sink", "sink", new FakeSink(store)))
            .configuration(checkpointing()).restoreFrom(state).open()) {
            assertEquals(List.of("a"), store.committed);
            assertTrue(store.aborted.contains("weir-harness-sink-0-2"), store.aborted.toString());
            h.processElement(Row.of("b"));
            h.notifyCheckpointComplete(1);
            assertEquals(List.of("a"), store.committed, "re-commit is idempotent");
        }
    }

    @Test
    void whenCheckpointingIsOff_thenTheTailIsCommittedAtEndOfInput() throws Exception {
        Store store = new Store();
        try (OperatorHarness h = OperatorHarness.builder(SinkOperatorFactory.create("sink", "sink", new FakeSink(store))).open()) {
            h.processElement(Row.of("x")).processElement(Row.of("y"));
            h.endInput();
            assertEquals(List.of("x", "y"), store.committed);
            assertEquals(TransactionIds.of("harness", "sink", 0, 1), store.committedIds.get(0));
        }
    }
}
