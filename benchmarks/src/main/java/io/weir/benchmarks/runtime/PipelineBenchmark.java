package io.weir.benchmarks.runtime;

import io.weir.checkpoint.serialization.LongSerializer;
import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.state.ValueState;
import io.weir.checkpoint.state.ValueStateDescriptor;
import io.weir.runtime.cluster.JobStatus;
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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 4's runtime benchmark: source → hash exchange → keyed counting operator → discarding sink
 * at parallelism 2, and the same pipeline fully chained at parallelism 1. Each invocation runs a
 * job over {@link #ROWS} rows to completion; the score is rows per second. Rows cross the exchange
 * as objects (no serialization in one JVM). Heap state backend.
 *
 * <p>Run:
 * <pre>
 * mvn -B -ntp -q -Pbench -pl benchmarks -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=/tmp/cp-bench.txt
 * java -cp benchmarks/target/weir-benchmarks-0.1.0-SNAPSHOT.jar:$(cat /tmp/cp-bench.txt) \
 *     org.openjdk.jmh.Main runtime.PipelineBenchmark -wi 2 -w 5s -i 5 -r 5s -f 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class PipelineBenchmark {
    static final int ROWS = 2_000_000;
    static final int KEYS = 10_000;
    private static final RowType KEY = RowType.of(new String[] {"k"}, new DataType[] {DataType.bigint()});

    private LocalCluster cluster;

    @Setup(Level.Trial)
    public void setUp() {
        cluster = new LocalCluster();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cluster.close();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public JobStatus hashExchangeParallelism2() throws Exception {
        JobGraph.Builder b = JobGraph.builder("bench-p2");
        int src = b.addVertex(source(ROWS / 2), 2, 128);
        int cnt = b.addVertex("count", "v-count", List.of(counter(), sink()), 2, 128);
        b.connect(src, cnt, Partitioner.hash(KeySelector.ofFields(0)));
        return run(b);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public JobStatus chainedParallelism1() throws Exception {
        JobGraph.Builder b = JobGraph.builder("bench-chained");
        b.addVertex("all", "v-all", List.of(source(ROWS), counter(), sink()), 1, 128);
        return run(b);
    }

    private JobStatus run(JobGraph.Builder b) throws Exception {
        b.configuration(new Configuration());
        JobStatus s = cluster.submit(b.build()).await(Duration.ofMinutes(5));
        if (s != JobStatus.FINISHED) {
            throw new IllegalStateException("job ended " + s);
        }
        return s;
    }

    private static OperatorFactory source(long rows) {
        return OperatorFactory.of("source", "source", () -> new Generator(rows));
    }

    private static OperatorFactory counter() {
        return OperatorFactory.keyed("count", "count", CountPerKey::new, KEY, row -> Row.of(row.getField(0)));
    }

    private static OperatorFactory sink() {
        return OperatorFactory.of("sink", "sink", Discard::new);
    }

    /** Emits {@code (i mod KEYS, i)}. */
    static final class Generator implements SourceOperator {
        private final long rows;
        private OperatorContext ctx;
        private long next;

        Generator(long rows) {
            this.rows = rows;
        }

        @Override
        public void open(OperatorContext context) {
            ctx = context;
        }

        @Override
        public Status emitNext() {
            long end = Math.min(rows, next + 1024);
            for (; next < end; next++) {
                ctx.output().collect(Row.of(next % KEYS, next));
            }
            return next < rows ? Status.MORE_AVAILABLE : Status.END_OF_INPUT;
        }
    }

    /** Counts per key in a {@code ValueState<Long>} and emits {@code (key, count)}. */
    static final class CountPerKey implements OneInputStreamOperator {
        private OperatorContext ctx;
        private ValueState<Long> count;

        @Override
        public void open(OperatorContext context) {
            ctx = context;
            count = context.getState(new ValueStateDescriptor<>("count", LongSerializer.INSTANCE));
        }

        @Override
        public void processElement(Row row) throws Exception {
            Long c = count.value();
            long n = c == null ? 1 : c + 1;
            count.update(n);
            ctx.output().collect(Row.of(row.getField(0), n));
        }
    }

    /** Drops everything. */
    static final class Discard implements OneInputStreamOperator {
        long seen;

        @Override
        public void open(OperatorContext context) {
        }

        @Override
        public void processElement(Row row) {
            seen++;
        }
    }
}
