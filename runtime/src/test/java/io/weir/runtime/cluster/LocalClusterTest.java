package io.weir.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.runtime.RuntimeOptions;
import io.weir.runtime.data.Row;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.Partitioner;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.testutils.TestOperators;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalClusterTest {
    private static final RowType KEY = RowType.of(new String[] {"k"}, new DataType[] {DataType.bigint()});

    private LocalCluster cluster;
    private Set<Thread> threadsBefore;

    @BeforeEach
    void setUp() {
        threadsBefore = Thread.getAllStackTraces().keySet();
        cluster = new LocalCluster();
    }

    @AfterEach
    void noLeakedThreads() throws InterruptedException {
        cluster.close();
        long deadline = System.currentTimeMillis() + 2000;
        List<String> leaked;
        do {
            leaked = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !threadsBefore.contains(t) && t.isAlive() && t.getName().startsWith("weir-"))
                .map(Thread::getName).collect(Collectors.toList());
            if (leaked.isEmpty()) {
                return;
            }
            Thread.sleep(20);
        } while (System.currentTimeMillis() < deadline);
        assertEquals(List.of(), leaked, "threads left behind");
    }

    private static OperatorFactory source(long rowsPerSubtask, boolean watermarks) {
        return OperatorFactory.of("source", "src", () -> new TestOperators.SequenceSource(rowsPerSubtask, watermarks,
            i -> Row.of(i % 10, i)));
    }

    private static OperatorFactory sink(String name, long sleepMillis) {
        return OperatorFactory.of("sink", "sink", () -> new TestOperators.CollectSink(name, sleepMillis));
    }

    private static OperatorFactory counter() {
        return OperatorFactory.keyed("count", "count", TestOperators.CountPerKey::new, KEY, KeySelector.ofFields(0));
    }

    @Test
    void shouldCountPerKeyAcrossAHashExchangeAtParallelismTwo() throws Exception {
        JobGraph.Builder b = JobGraph.builder("count-p2");
        int src = b.addVertex(source(1000, false), 2, 128);
        int cnt = b.addVertex("count", "v-count", List.of(counter(), sink("p2", 0)), 2, 128);
        b.connect(src, cnt, Partitioner.hash(KeySelector.ofFields(0)));
        JobClient job = cluster.submit(b.build());

        assertEquals(JobStatus.FINISHED, job.await(Duration.ofSeconds(30)));
        List<Row> out = TestOperators.sink("p2");
        assertEquals(2000, out.size());
        Map<Object, Long> maxPerKey = new HashMap<>();
        for (Row r : out) {
            maxPerKey.merge(r.getField(0), (Long) r.getField(1), Math::max);
        }
        assertEquals(10, maxPerKey.size());
        maxPerKey.values().forEach(v -> assertEquals(200L, v));
    }

    @Test
    void shouldRunAFullyChainedPipelineAndReportMetrics() throws Exception {
        JobGraph.Builder b = JobGraph.builder("chained");
        b.addVertex("all", "v-all", List.of(source(500, false), counter(), sink("chained", 0)), 1, 128);
        JobClient job = cluster.submit(b.build());

        assertEquals(JobStatus.FINISHED, job.await(Duration.ofSeconds(30)));
        assertEquals(500, TestOperators.sink("chained").size());
        OperatorMetricsSnapshot count = job.metrics().stream().filter(m -> m.operatorName().equals("count")).findFirst().orElseThrow();
        assertEquals(500, count.recordsIn());
        assertEquals(500, count.recordsOut());
        assertEquals(Long.MAX_VALUE, count.inputWatermark());
        assertTrue(((LocalJob) job).tasks().isEmpty(), "an ended job keeps its metrics, not its tasks and their state");
        assertEquals(1, ((LocalJob) job).numberOfTasks());
        assertEquals(1, ((LocalJob) job).taskStates().size());
    }

    @Test
    void whenAnOperatorThrows_thenTheJobFailsNamingOperatorSubtaskAndRootCause() throws Exception {
        JobGraph.Builder b = JobGraph.builder("failing");
        int src = b.addVertex(source(100_000_000L, false), 2, 128);
        int fail = b.addVertex(OperatorFactory.of("fails", "fails", () -> new TestOperators.FailOnRow(1000)), 1, 128);
        b.connect(src, fail, Partitioner.REBALANCE);
        JobClient job = cluster.submit(b.build());

        JobFailure failure = assertThrows(JobFailure.class, () -> job.await(Duration.ofSeconds(30)));
        assertEquals("fails", failure.operatorName());
        assertEquals(0, failure.subtaskIndex());
        assertInstanceOf(IllegalStateException.class, failure.rootCause());
        assertTrue(failure.getMessage().contains("boom at row 1000"), failure.getMessage());
        assertTrue(failure.getMessage().contains("subtask 1/1"), failure.getMessage());
        assertEquals(JobStatus.FAILED, job.status());
    }

    /** Fails in {@code open} or in {@code finish}, as told. */
    static final class FailIn implements io.weir.runtime.operators.OneInputStreamOperator {
        private final String phase;

        FailIn(String phase) {
            this.phase = phase;
        }

        @Override
        public void open(io.weir.runtime.operators.OperatorContext context) {
            if (phase.equals("open")) {
                throw new IllegalArgumentException("cannot open");
            }
        }

        @Override
        public void processElement(Row row) {
        }

        @Override
        public void finish() throws java.io.IOException {
            if (phase.equals("finish")) {
                throw new java.io.IOException("cannot flush");
            }
        }
    }

    @Test
    void whenAChainedOperatorFailsInOpenOrFinish_thenTheFailureNamesThatOperator() throws Exception {
        for (String phase : List.of("open", "finish")) {
            JobGraph.Builder b = JobGraph.builder("fail-in-" + phase);
            b.addVertex("chain", "v-chain-" + phase, List.of(source(10, false),
                OperatorFactory.of("failing-" + phase, "f-" + phase, () -> new FailIn(phase)), sink("never-" + phase, 0)), 1, 128);
            JobFailure f = assertThrows(JobFailure.class, () -> cluster.submit(b.build()).await(Duration.ofSeconds(30)));
            assertEquals("failing-" + phase, f.operatorName());
        }
    }

    @Test
    void whenABackpressuredJobIsCancelled_thenItEndsWithinASecond() throws Exception {
        JobGraph.Builder b = JobGraph.builder("slow");
        int src = b.addVertex(source(Long.MAX_VALUE, false), 2, 128);
        int snk = b.addVertex(sink("slow", 50), 1, 128);
        b.connect(src, snk, Partitioner.REBALANCE);
        JobClient job = cluster.submit(b.build());
        Thread.sleep(300);

        long start = System.nanoTime();
        job.cancel();
        assertEquals(JobStatus.CANCELED, job.await(Duration.ofSeconds(5)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1000, "cancel took " + millis + " ms");
    }

    @Test
    void whenTheSinkIsSlow_thenTheSourceIsHeldBackAndMemoryStaysBounded() throws Exception {
        Configuration conf = new Configuration();
        conf.set(RuntimeOptions.BATCH_SIZE, 16);
        conf.set(RuntimeOptions.CHANNEL_CAPACITY, 2);
        JobGraph.Builder b = JobGraph.builder("bounded").configuration(conf);
        int src = b.addVertex(source(Long.MAX_VALUE, false), 1, 128);
        int snk = b.addVertex(sink("bounded", 1), 1, 128);
        b.connect(src, snk, Partitioner.REBALANCE);
        JobClient job = cluster.submit(b.build());
        Thread.sleep(500);

        OperatorMetricsSnapshot source = job.metrics().get(0);
        long received = TestOperators.sink("bounded").size();
        // in flight at most: channel (2 batches) + the batch being filled + the batch being consumed
        assertTrue(source.recordsOut() - received <= 4 * 16, "in flight: " + (source.recordsOut() - received));
        assertTrue(source.backPressuredTimeMs() > 100, "backpressured ms: " + source.backPressuredTimeMs());
        job.cancel();
        job.await(Duration.ofSeconds(5));
    }

    @Test
    void whenAKeyedOperatorGetsRowsNotPartitionedByItsKey_thenTheJobFailsSayingSo() throws Exception {
        JobGraph.Builder b = JobGraph.builder("misrouted");
        int src = b.addVertex(source(1000, false), 2, 128);
        int cnt = b.addVertex(counter(), 2, 128);
        b.connect(src, cnt, Partitioner.REBALANCE);
        JobFailure f = assertThrows(JobFailure.class, () -> cluster.submit(b.build()).await(Duration.ofSeconds(30)));
        assertEquals("count", f.operatorName());
        assertTrue(f.getMessage().contains("not partitioned"), f.getMessage());
    }

    @Test
    void whenABatchIsNotFull_thenItIsFlushedAfterTheBufferTimeout() throws Exception {
        Configuration conf = new Configuration();
        conf.set(RuntimeOptions.BUFFER_TIMEOUT, Duration.ofMillis(20));
        JobGraph.Builder b = JobGraph.builder("trickle").configuration(conf);
        int src = b.addVertex(io.weir.runtime.connector.SourceOperatorFactory.create("numbers", "numbers",
            new io.weir.runtime.testutils.NumberSource(1, 3, false), null), 1, 128);
        int snk = b.addVertex(sink("trickle", 0), 1, 128);
        b.connect(src, snk, Partitioner.REBALANCE);
        JobClient job = cluster.submit(b.build());
        long start = System.currentTimeMillis();
        while (TestOperators.sink("trickle").size() < 3 && System.currentTimeMillis() - start < 5000) {
            Thread.sleep(2);
        }
        long waited = System.currentTimeMillis() - start;
        job.cancel();
        assertEquals(3, TestOperators.sink("trickle").size());
        assertTrue(waited < 1000, "rows took " + waited + " ms");
        assertEquals(JobStatus.CANCELED, job.await(Duration.ofSeconds(5)));
    }

    @Test
    void shouldRunSeveralJobsAtOnce() throws Exception {
        JobClient[] jobs = new JobClient[3];
        for (int j = 0; j < jobs.length; j++) {
            JobGraph.Builder b = JobGraph.builder("job-" + j);
            int src = b.addVertex(source(300, false), 2, 128);
            int snk = b.addVertex(sink("multi-" + j, 0), 1, 128);
            b.connect(src, snk, Partitioner.GLOBAL);
            jobs[j] = cluster.submit(b.build());
        }
        for (int j = 0; j < jobs.length; j++) {
            assertEquals(JobStatus.FINISHED, jobs[j].await(Duration.ofSeconds(30)));
            assertEquals(600, TestOperators.sink("multi-" + j).size());
        }
        assertEquals(3, cluster.jobs().size());
    }

    @Test
    void shouldDeliverEveryRowToEverySubtaskOnBroadcast() throws Exception {
        JobGraph.Builder b = JobGraph.builder("broadcast");
        int src = b.addVertex(source(50, false), 1, 128);
        int snk = b.addVertex(sink("broadcast", 0), 3, 128);
        b.connect(src, snk, Partitioner.BROADCAST);
        assertEquals(JobStatus.FINISHED, cluster.submit(b.build()).await(Duration.ofSeconds(30)));
        assertEquals(150, TestOperators.sink("broadcast").size());
    }
}
