package io.weir.client;

import io.weir.checkpoint.serialization.StringSerializer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.parser.WeirSqlParser;
import io.weir.planner.QueryPlanner;
import io.weir.planner.catalog.InMemoryCatalog;
import io.weir.runtime.checkpointing.CheckpointedJobs;
import io.weir.runtime.cluster.JobClient;
import io.weir.runtime.cluster.JobStatus;
import io.weir.runtime.cluster.LocalCluster;
import io.weir.runtime.connector.ChangelogMode;
import io.weir.runtime.connector.Committer;
import io.weir.runtime.connector.PrecommittingSinkWriter;
import io.weir.runtime.connector.SinkContext;
import io.weir.runtime.connector.TransactionIds;
import io.weir.runtime.connector.TwoPhaseCommitSink;
import io.weir.runtime.data.Row;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.SourceOperator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.sql.SqlNode;
import io.weir.parser.ddl.SqlCreateTable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stateful SQL (group aggregation with retractions, tumbling window aggregation, window Top-N) planned by the
 * real planner, from a replayable datagen source into a two-phase-commit sink, with failures
 * injected at random rows and during snapshots (an injector at the head of every non-source
 * vertex): the committed changelog equals a failure-free run's, as a multiset and in order per key.
 */
class SqlExactlyOnceUnderFailuresTest {
    private static final String SOURCE = "CREATE TABLE src (id BIGINT, ts AS TO_TIMESTAMP_LTZ(id * 10, 3), "
        + "WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'datagen', 'rows-per-second' = '20000', "
        + "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '5000')";
    private static final Map<String, String> QUERIES = Map.of(
        "group", "SELECT id % 7 AS k, COUNT(*) AS c, SUM(id) AS s FROM src GROUP BY id % 7",
        "window", "SELECT id % 3 AS k, window_start, COUNT(*) AS c, MAX(id) AS m "
            + "FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY id % 3, window_start, window_end",
        "window-topn", "SELECT window_start, id, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, "
            + "window_end ORDER BY id DESC) AS rn FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '1' SECOND))) "
            + "WHERE rn <= 3");

    @TempDir
    Path dir;

    private List<String> run(String query, String backend, Failures failures) throws Exception {
        Configuration conf = new Configuration();
        conf.setString("state.backend.type", backend);
        conf.setString("execution.checkpointing.interval", "30 ms");
        conf.setString("execution.checkpointing.dir", dir.resolve("chk-" + System.nanoTime()).toString());
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "20");
        conf.setString("restart-strategy.fixed-delay.delay", "10 ms");
        InMemoryCatalog catalog = new InMemoryCatalog(QueryEngine.operatorTable());
        catalog.createTable((SqlCreateTable) WeirSqlParser.parseStatement(SOURCE));
        SqlNode select = WeirSqlParser.parseStatement(QUERIES.get(query));
        Store store = new Store();
        JobGraph graph = withInjectors(new QueryPlanner().plan(select, catalog, conf).jobGraph(query, new StoreSink(store)), failures);
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = CheckpointedJobs.submit(cluster, graph);
            assertEquals(JobStatus.FINISHED, job.await(Duration.ofSeconds(60)), () -> "failures: " + CheckpointedJobs.attemptFailures(job));
            for (Throwable t : CheckpointedJobs.attemptFailures(job)) {
                assertTrue(String.valueOf(t.getMessage()).contains("injected failure"), () -> "unexpected failure: " + t);
            }
        }
        return store.committed();
    }

    @ParameterizedTest
    @CsvSource({"group, hashmap", "group, rocksdb", "window, hashmap", "window, rocksdb", "window-topn, hashmap",
        "window-topn, rocksdb"})
    void whenTasksFailAtRandomRowsAndDuringSnapshots_thenTheCommittedChangelogEqualsAFailureFreeRun(String query, String backend)
        throws Exception {
        List<String> expected = run(query, backend, new Failures(0, 0, 1));
        assertTrue(!expected.isEmpty(), "the failure-free run produced nothing");
        Failures failures = new Failures(3, 2, 3_000);
        List<String> actual = run(query, backend, failures);
        assertTrue(failures.injected.get() >= 2, "injected " + failures.injected);
        if (query.startsWith("window")) {
            assertSameChangelogs(perKey(expected), perKey(actual));
            assertEquals(sorted(expected), sorted(actual), "as a multiset");
        } else {
            // the datagen splits interleave differently in every run, so intermediate sums differ; the
            // changelog's shape (kinds and counts) per key and the final table must not
            assertSameChangelogs(perKey(withoutSums(expected)), perKey(withoutSums(actual)));
            assertEquals(finalTable(expected), finalTable(actual), "the final table");
        }
    }

    /** Per key, the same changelog (reports the first difference only). */
    private static void assertSameChangelogs(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        assertEquals(expected.keySet(), actual.keySet(), "keys");
        for (String k : expected.keySet()) {
            List<String> e = expected.get(k);
            List<String> a = actual.get(k);
            for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
                assertEquals(e.get(i), a.get(i), "key " + k + ", change " + i + " of " + e.size() + "/" + a.size());
            }
            assertEquals(e.size(), a.size(), "number of changes of key " + k);
        }
    }

    /** {@code +U[k, c, s]} to {@code +U[k, c]}. */
    private static List<String> withoutSums(List<String> lines) {
        return lines.stream().map(l -> l.substring(0, l.lastIndexOf(',')) + "]").toList();
    }

    /** Applies a changelog of {@code [k, ...]} rows: the last +I/+U per key, removed on -D. */
    private static Map<String, String> finalTable(List<String> lines) {
        Map<String, String> table = new TreeMap<>();
        for (String l : lines) {
            String key = l.substring(l.indexOf('[') + 1, l.indexOf(','));
            String kind = l.substring(0, 2);
            if (kind.equals("+I") || kind.equals("+U")) {
                table.put(key, l.substring(2));
            } else if (kind.equals("-D")) {
                table.remove(key);
            }
        }
        return table;
    }

    private static List<String> sorted(List<String> lines) {
        List<String> l = new ArrayList<>(lines);
        l.sort(null);
        return l;
    }

    /** Lines like {@code +U[3, 12, 345]} grouped by their first field. */
    private static Map<String, List<String>> perKey(List<String> lines) {
        Map<String, List<String>> m = new TreeMap<>();
        for (String line : lines) {
            String key = line.substring(line.indexOf('[') + 1, line.indexOf(','));
            m.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
        }
        return m;
    }

    /** The same graph with a {@link FailureInjector} at the head of every vertex that is not a source. */
    private static JobGraph withInjectors(JobGraph g, Failures failures) {
        JobGraph.Builder b = JobGraph.builder(g.name()).configuration(g.configuration());
        for (JobVertex v : g.vertices()) {
            List<OperatorFactory> chain = new ArrayList<>(v.chain());
            if (!(chain.get(0).createOperator() instanceof SourceOperator)) {
                chain.add(0, OperatorFactory.of("inject", "inject-" + v.uid(), () -> new FailureInjector(failures)));
            }
            b.addVertex(v.name(), v.uid(), chain, v.parallelism(), v.maxParallelism());
        }
        g.edges().forEach(e -> b.connect(e.sourceId(), e.targetId(), e.targetInput(), e.partitioner()));
        return b.build();
    }

    /** Failures shared by all attempts: row failures at random rows, snapshot failures at random checkpoints. */
    static final class Failures {
        final AtomicInteger rowFailures;
        final AtomicInteger snapshotFailures;
        final AtomicInteger injected = new AtomicInteger();
        final AtomicLong untilNext = new AtomicLong();
        final Random random = new Random(11);
        final int maxRowsBetween;

        Failures(int rowFailures, int snapshotFailures, int maxRowsBetween) {
            this.rowFailures = new AtomicInteger(rowFailures);
            this.snapshotFailures = new AtomicInteger(snapshotFailures);
            this.maxRowsBetween = maxRowsBetween;
            untilNext.set(1 + random.nextInt(maxRowsBetween));
        }
    }

    /** Passes rows on; throws where {@link Failures} says. */
    static final class FailureInjector implements OneInputStreamOperator {
        private final Failures failures;
        private OperatorContext ctx;

        FailureInjector(Failures failures) {
            this.failures = failures;
        }

        @Override
        public void open(OperatorContext context) {
            this.ctx = context;
        }

        @Override
        public void processElement(Row row) {
            if (failures.rowFailures.get() > 0 && failures.untilNext.decrementAndGet() == 0) {
                synchronized (failures) {
                    failures.untilNext.set(1 + failures.random.nextInt(failures.maxRowsBetween));
                }
                failures.rowFailures.decrementAndGet();
                failures.injected.incrementAndGet();
                throw new IllegalStateException("injected failure at a row");
            }
            ctx.output().collect(row);
        }

        @Override
        public void snapshotState(long checkpointId) {
            if (failures.snapshotFailures.get() > 0 && checkpointId % 4 == 3 && failures.snapshotFailures.getAndDecrement() > 0) {
                failures.injected.incrementAndGet();
                throw new IllegalStateException("injected failure during a snapshot");
            }
        }
    }

    /** The external system: open transactions and committed lines in commit order. */
    static final class Store {
        final Map<String, List<String>> open = new TreeMap<>();
        final List<String> committed = new ArrayList<>();

        synchronized List<String> committed() {
            return new ArrayList<>(committed);
        }
    }

    /** A changelog two-phase-commit sink: one transaction per checkpoint; lines are {@code Row.toString()}. */
    static final class StoreSink implements TwoPhaseCommitSink<String, String> {
        private final Store store;

        StoreSink(Store store) {
            this.store = store;
        }

        @Override
        public ChangelogMode acceptedChangelogMode() {
            return ChangelogMode.all();
        }

        @Override
        public PrecommittingSinkWriter<String, String> createWriter(SinkContext ctx, List<String> restoredState) {
            return new PrecommittingSinkWriter<>() {
                long nextCheckpoint = Math.max(ctx.restoredCheckpointId(), 0) + 1;
                String txn = begin();

                private String begin() {
                    String id = ctx.transactionId(nextCheckpoint);
                    synchronized (store) {
                        store.open.put(id, new ArrayList<>());
                    }
                    return id;
                }

                @Override
                public void write(Row row) {
                    synchronized (store) {
                        store.open.get(txn).add(row.toString());
                    }
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
                    synchronized (store) {
                        for (String t : txns) {
                            List<String> rows = store.open.remove(t);
                            if (rows != null) {
                                store.committed.addAll(rows);
                            }
                        }
                    }
                }

                @Override
                public void abortUncovered(SinkContext c, List<String> pendingRestored) {
                    String prefix = TransactionIds.prefix(c.jobId(), c.operatorUid(), c.subtaskIndex());
                    synchronized (store) {
                        store.open.keySet().removeIf(id -> id.startsWith(prefix)
                            && TransactionIds.checkpointIdOf(id) > c.restoredCheckpointId() && !pendingRestored.contains(id));
                    }
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
}
