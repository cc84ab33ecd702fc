package io.weir.benchmarks.checkpoint;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.coordinator.CheckpointStatsRecord;
import io.weir.checkpoint.coordinator.CheckpointStatus;
import io.weir.checkpoint.serialization.LongSerializer;
import io.weir.checkpoint.state.ValueState;
import io.weir.checkpoint.state.ValueStateDescriptor;
import io.weir.runtime.checkpointing.CheckpointedJobs;
import io.weir.runtime.cluster.JobClient;
import io.weir.runtime.cluster.LocalCluster;
import io.weir.runtime.data.Row;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.Partitioner;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.SourceOperator;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checkpoint end-to-end duration under backpressure, aligned vs unaligned (issue 8): an unbounded
 * source (parallelism 2) → hash → keyed count (2) → rebalance → a deliberately slow sink (1, sleeps
 * 1 ms every {@code sinkRowsPerMs} rows), so every channel is full. Checkpoints every second; each
 * mode runs for {@code seconds} and reports the completed checkpoints' end-to-end duration
 * (median, max), alignment duration and bytes persisted as channel state.
 *
 * <p>Run (after building as for the other benchmarks):
 * <pre>
 * java -cp benchmarks/target/weir-benchmarks-0.1.0-SNAPSHOT.jar:$(cat /tmp/cp-bench.txt) \
 *     io.weir.benchmarks.checkpoint.BackpressureCheckpointBench [seconds=20] [sinkRowsPerMs=20]
 * </pre>
 */
public final class BackpressureCheckpointBench {
    private static final RowType KEY = RowType.of(new String[] {"k"}, new DataType[] {DataType.bigint()});

    private BackpressureCheckpointBench() {
    }

    /** {@code (i % 10_000, i)} forever. */
    static final class Numbers implements SourceOperator {
        private OperatorContext ctx;
        private long next;

        @Override
        public void open(OperatorContext context) {
            ctx = context;
        }

        @Override
        public Status emitNext() {
            for (int i = 0; i < 64; i++, next++) {
                ctx.output().collect(Row.of(next % 10_000, next));
            }
            return Status.MORE_AVAILABLE;
        }
    }

    /** Keyed running count: emits {@code (k, count)}. */
    static final class Count implements OneInputStreamOperator {
        private OperatorContext ctx;
        private ValueState<Long> count;

        @Override
        public void open(OperatorContext context) {
            ctx = context;
            count = context.getState(new ValueStateDescriptor<>("count", LongSerializer.INSTANCE));
        }

        @Override
        public void processElement(Row row) throws Exception {
            long c = count.value() == null ? 1 : count.value() + 1;
            count.update(c);
            ctx.output().collect(Row.of(row.getField(0), c));
        }
    }

    /** Discards rows, sleeping 1 ms every {@code rowsPerMs} rows. */
    static final class SlowSink implements OneInputStreamOperator {
        private final int rowsPerMs;
        private long seen;

        SlowSink(int rowsPerMs) {
            this.rowsPerMs = rowsPerMs;
        }

        @Override
        public void open(OperatorContext context) {
        }

        @Override
        public void processElement(Row row) throws Exception {
            if (++seen % rowsPerMs == 0) {
                Thread.sleep(1);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rowsPerMs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        System.out.println("mode | checkpoints | end-to-end median ms | end-to-end max ms | alignment max ms | persisted KiB (mean)");
        System.out.println("---|---:|---:|---:|---:|---:");
        for (String mode : List.of("aligned", "unaligned", "aligned-timeout-100ms")) {
            System.out.println(run(mode, seconds, rowsPerMs));
        }
    }

    private static String run(String mode, int seconds, int rowsPerMs) throws Exception {
        Path dir = Files.createTempDirectory("weir-bp-bench");
        Configuration c = new Configuration();
        c.setString("execution.checkpointing.interval", "1 s");
        c.setString("execution.checkpointing.timeout", "10 min");
        c.setString("execution.checkpointing.dir", dir.toUri().toString());
        c.setString("restart-strategy.type", "none");
        if (!mode.equals("aligned")) {
            c.setString("execution.checkpointing.unaligned.enabled", "true");
        }
        if (mode.startsWith("aligned-timeout")) {
            c.setString("execution.checkpointing.aligned-checkpoint-timeout", "100 ms");
        }
        JobGraph.Builder b = JobGraph.builder("bp-" + mode).configuration(c);
        int src = b.addVertex(OperatorFactory.of("numbers", "numbers", Numbers::new), 2, 128);
        int cnt = b.addVertex(OperatorFactory.keyed("count", "count", Count::new, KEY, KeySelector.ofFields(0)), 2, 128);
        int snk = b.addVertex(OperatorFactory.of("slow-sink", "slow-sink", () -> new SlowSink(rowsPerMs)), 1, 128);
        b.connect(src, cnt, Partitioner.hash(KeySelector.ofFields(0)));
        b.connect(cnt, snk, Partitioner.REBALANCE);
        Map<Long, CheckpointStatsRecord> completed = new TreeMap<>();
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = CheckpointedJobs.submit(cluster, b.build(), "bp-" + mode);
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            while (System.nanoTime() < end) {
                Thread.sleep(200);
                CheckpointedJobs.checkpointStats(job).orElseThrow().history().stream()
                    .filter(r -> r.status() == CheckpointStatus.COMPLETED).forEach(r -> completed.put(r.checkpointId(), r));
            }
            job.cancel();
            job.terminationFuture().handle((s, e) -> null).get();
        }
        long[] e2e = completed.values().stream().mapToLong(CheckpointStatsRecord::endToEndDurationMillis).sorted().toArray();
        long alignMax = completed.values().stream().mapToLong(CheckpointStatsRecord::alignmentDurationMillis).max().orElse(0);
        double persistedKib = completed.values().stream().mapToLong(CheckpointStatsRecord::bytesPersistedDuringAlignment)
            .average().orElse(0) / 1024;
        return String.format("%s | %d | %d | %d | %d | %.1f", mode, e2e.length, e2e.length == 0 ? -1 : e2e[e2e.length / 2],
            e2e.length == 0 ? -1 : e2e[e2e.length - 1], alignMax, persistedKib);
    }
}
