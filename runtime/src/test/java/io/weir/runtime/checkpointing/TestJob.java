package io.weir.runtime.checkpointing;

import io.weir.checkpoint.serialization.StringSerializer;
import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.ValueState;
import io.weir.checkpoint.state.ValueStateDescriptor;
import io.weir.runtime.connector.ChangelogMode;
import io.weir.runtime.connector.Committer;
import io.weir.runtime.connector.PrecommittingSinkWriter;
import io.weir.runtime.connector.SinkContext;
import io.weir.runtime.connector.SinkOperatorFactory;
import io.weir.runtime.connector.SourceOperatorFactory;
import io.weir.runtime.connector.TransactionIds;
import io.weir.runtime.connector.TwoPhaseCommitSink;
import io.weir.runtime.data.Row;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.Partitioner;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.checkpoint.serialization.LongSerializer;
import io.weir.runtime.testutils.NumberSource;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stateful test job from a replayable source into a two-phase-commit sink:
 * {@code numbers (p=2) -> key = i % keys (chained, throttled) -> hash -> running count and sum per
 * key (keyed state, p=2) -> failure injector (chained) -> 2PC sink (p=1)}. The sink commits into a
 * {@link Store} that outlives attempts (the "external system"); every committed line is
 * {@code key,count,sum}, so per key the committed lines are the key's changelog.
 */
final class TestJob {
    static final RowType KEY_TYPE = RowType.of(new String[] {"k"}, new DataType[] {DataType.bigint()});

    private TestJob() {
    }

    static JobGraph graph(String name, Configuration conf, long rowsPerSplit, int keys, Failures failures, Store store) {
        return graph(name, conf, rowsPerSplit, true, keys, failures, store);
    }

    /** Unbounded: the splits stall after {@code rowsPerSplit} rows and the job runs until cancelled. */
    static JobGraph graph(String name, Configuration conf, long rowsPerSplit, boolean bounded, int keys, Failures failures,
                          Store store) {
        return graph(name, conf, rowsPerSplit, bounded, keys, failures, store, 2);
    }

    /** With {@code sumParallelism} subtasks of the keyed vertex (same uids: restorable at another parallelism). */
    static JobGraph graph(String name, Configuration conf, long rowsPerSplit, boolean bounded, int keys, Failures failures,
                          Store store, int sumParallelism) {
        return graph(name, conf, new NumberSource(2, rowsPerSplit, bounded), keys, failures, store, sumParallelism);
    }

    /** Bounded, split {@code k} (read by source subtask {@code k}) with {@code lengths[k]} rows. */
    static JobGraph graph(String name, Configuration conf, long[] lengths, int keys, Failures failures, Store store) {
        return graph(name, conf, new NumberSource(lengths), keys, failures, store, 2);
    }

    static JobGraph graph(String name, Configuration conf, NumberSource numbers, int keys, Failures failures,
                                  Store store, int sumParallelism) {
        JobGraph.Builder b = JobGraph.builder(name).configuration(conf);
        OperatorFactory source = SourceOperatorFactory.create("numbers", "numbers", numbers, null);
        OperatorFactory toKey = OperatorFactory.of("to-key", "to-key", () -> new ToKey(keys));
        int src = b.addVertex("source", "source", List.of(source, toKey), 2, 128);
        OperatorFactory sum = OperatorFactory.keyed("sum", "sum", RunningSum::new, KEY_TYPE, KeySelector.ofFields(0));
        OperatorFactory inject = OperatorFactory.of("inject", "inject", () -> new FailureInjector(failures));
        int agg = b.addVertex("sum", "sum-vertex", List.of(sum, inject), sumParallelism, 128);
        int snk = b.addVertex(SinkOperatorFactory.create("sink", "sink", new StoreSink(store)), 1, 128);
        b.connect(src, agg, Partitioner.hash(KeySelector.ofFields(0)));
        b.connect(agg, snk, Partitioner.REBALANCE);
        return b.build();
    }

    /** Failures injected across all attempts of a job: while {@code remaining > 0}, one at a random row / checkpoint. */
    static final class Failures {
        final AtomicInteger remainingRowFailures;
        final AtomicInteger remainingSnapshotFailures;
        final AtomicInteger injected = new AtomicInteger();
        private final Random random;
        private final int maxRowsBetween;
        private final AtomicLong untilNextRowFailure = new AtomicLong();
        /** How long every {@code snapshotState} of the injector sleeps (slow synchronous snapshots). */
        final AtomicLong snapshotDelayMillis = new AtomicLong();

        Failures(int rowFailures, int snapshotFailures, int maxRowsBetween, long seed) {
            this.remainingRowFailures = new AtomicInteger(rowFailures);
            this.remainingSnapshotFailures = new AtomicInteger(snapshotFailures);
            this.random = new Random(seed);
            this.maxRowsBetween = maxRowsBetween;
            untilNextRowFailure.set(next());
        }

        /** One failure at the {@code n}-th row the injectors see (over all subtasks). */
        static Failures atRow(long n) {
            Failures f = new Failures(1, 0, 1, 0);
            f.untilNextRowFailure.set(n);
            return f;
        }

        static Failures none() {
            return new Failures(0, 0, 1, 0);
        }

        private synchronized long next() {
            return 1 + random.nextInt(maxRowsBetween);
        }

        void onRow() {
            if (remainingRowFailures.get() > 0 && untilNextRowFailure.decrementAndGet() == 0) {
                untilNextRowFailure.set(next());
                remainingRowFailures.decrementAndGet();
                injected.incrementAndGet();
                throw new IllegalStateException("injected failure at a row");
            }
        }

        void onSnapshot() {
            long delay = snapshotDelayMillis.get();
            if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (remainingSnapshotFailures.get() > 0 && random.nextInt(3) == 0 && remainingSnapshotFailures.getAndDecrement() > 0) {
                injected.incrementAndGet();
                throw new IllegalStateException("injected failure during a snapshot");
            }
        }
    }

    /** {@code (split, i, ts) -> (split * keys + i % keys, i)} (each key from one split, so its changelog is deterministic); sleeps 1 ms every 25 rows so that checkpoints fall mid-run. */
    static final class ToKey implements OneInputStreamOperator {
        private final int keys;
        private OperatorContext ctx;
        private long seen;

        ToKey(int keys) {
            this.keys = keys;
        }

        @Override
        public void open(OperatorContext context) {
            this.ctx = context;
        }

        @Override
        public void processElement(Row row) throws Exception {
            long i = (Long) row.getField(1);
            int split = (Integer) row.getField(0);
            if (++seen % 25 == 0) {
                Thread.sleep(1);
            }
            ctx.output().collect(Row.of(split * (long) keys + i % keys, i));
        }
    }

    /** Keyed: emits {@code (key, count, sum)} after each row. */
    static final class RunningSum implements OneInputStreamOperator {
        private OperatorContext ctx;
        private ValueState<Long> count;
        private ValueState<Long> sum;

        @Override
        public void open(OperatorContext context) {
            this.ctx = context;
            this.count = context.getState(new ValueStateDescriptor<>("count", LongSerializer.INSTANCE));
            this.sum = context.getState(new ValueStateDescriptor<>("sum", LongSerializer.INSTANCE));
        }

        @Override
        public void processElement(Row row) throws Exception {
            long c = count.value() == null ? 1 : count.value() + 1;
            long s = (sum.value() == null ? 0 : sum.value()) + (Long) row.getField(1);
            count.update(c);
            sum.update(s);
            ctx.output().collect(Row.of(row.getField(0), c, s));
        }
    }

    /** Passes rows on; throws where {@link Failures} says (at a row, or in {@code snapshotState}). */
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
            failures.onRow();
            ctx.output().collect(row);
        }

        @Override
        public void snapshotState(long checkpointId) {
            failures.onSnapshot();
        }
    }

    /** The external system the sink commits to: open transactions and committed lines, in commit order. */
    static final class Store {
        final Map<String, List<String>> open = new TreeMap<>();
        final List<String> committed = new ArrayList<>();

        synchronized List<String> committed() {
            return new ArrayList<>(committed);
        }

        /** Committed lines grouped by key (the first field), each in commit order. */
        synchronized Map<String, List<String>> perKey() {
            Map<String, List<String>> m = new TreeMap<>();
            for (String line : committed) {
                m.computeIfAbsent(line.substring(0, line.indexOf(',')), k -> new ArrayList<>()).add(line);
            }
            return m;
        }
    }

    /** A two-phase-commit sink into a {@link Store}: one transaction per checkpoint, idempotent commits. */
    static final class StoreSink implements TwoPhaseCommitSink<String, String> {
        private final Store store;

        StoreSink(Store store) {
            this.store = store;
        }

        @Override
        public ChangelogMode acceptedChangelogMode() {
            return ChangelogMode.insertOnly();
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
                        store.open.get(txn).add(row.getField(0) + "," + row.getField(1) + "," + row.getField(2));
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

    /** The committed output of a failure-free run: per key, its changelog {@code key,count,sum} in order. */
    static Map<String, List<String>> expected(long rowsPerSplit, int keys) {
        return expected(new long[] {rowsPerSplit, rowsPerSplit}, keys);
    }

    /** The same, with {@code lengths[k]} rows in split {@code k}. */
    static Map<String, List<String>> expected(long[] lengths, int keys) {
        Map<String, List<String>> m = new TreeMap<>();
        for (int split = 0; split < lengths.length; split++) {
            Map<Long, long[]> acc = new HashMap<>();
            for (long i = 0; i < lengths[split]; i++) {
                long key = split * (long) keys + i % keys;
                long[] a = acc.computeIfAbsent(key, k -> new long[2]);
                a[0]++;
                a[1] += i;
                m.computeIfAbsent(String.valueOf(key), k -> new ArrayList<>()).add(key + "," + a[0] + "," + a[1]);
            }
        }
        return m;
    }
}
