package io.weir.runtime.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.runtime.RuntimeOptions;
import io.weir.runtime.cluster.JobClient;
import io.weir.runtime.cluster.JobStatus;
import io.weir.runtime.cluster.LocalCluster;
import io.weir.runtime.connector.SourceOperatorFactory;
import io.weir.runtime.data.Row;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.Partitioner;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.testutils.NumberSource;
import io.weir.runtime.testutils.TestOperators;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import io.weir.runtime.watermark.TimestampAssigner;
import io.weir.runtime.watermark.WatermarkStrategy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Task behaviour in running jobs: deferred timers before finish, idleness, watermark order. */
class StreamTaskTest {
    private static final RowType KEY = RowType.of(new String[] {"k"}, new DataType[] {DataType.bigint()});
    private static final List<Long> WATERMARKS = new CopyOnWriteArrayList<>();

    private final LocalCluster cluster = new LocalCluster();

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    /** Records the watermarks it receives. */
    static final class WatermarkRecorder implements OneInputStreamOperator {
        @Override
        public void open(OperatorContext context) {
        }

        @Override
        public void processElement(Row row) {
        }

        @Override
        public long processWatermark(long watermark) {
            WATERMARKS.add(watermark);
            return watermark;
        }
    }

    @Test
    void whenInputEndsWithTimersStillDeferred_thenAllFireBeforeFinish() throws Exception {
        Configuration conf = new Configuration();
        conf.set(RuntimeOptions.TIMER_FIRING_BATCH_SIZE, 100);
        JobGraph.Builder b = JobGraph.builder("deferred").configuration(conf);
        int src = b.addVertex(OperatorFactory.of("source", "src",
            () -> new TestOperators.SequenceSource(20_000, false, i -> Row.of(i, i))), 1, 128);
        int tim = b.addVertex("timers", "v-timers", List.of(
            OperatorFactory.keyed("timers", "timers", TestOperators.TimerPerRow::new, KEY, KeySelector.ofFields(0)),
            OperatorFactory.of("sink", "sink", () -> new TestOperators.CollectSink("deferred", 0))), 2, 128);
        b.connect(src, tim, Partitioner.hash(KeySelector.ofFields(0)));
        JobClient job = cluster.submit(b.build());

        assertEquals(JobStatus.FINISHED, job.await(Duration.ofSeconds(30)));
        assertEquals(20_000, TestOperators.sink("deferred").size());
    }

    /**
     * Registers an event-time timer per row; when the first one fires it registers a processing-time
     * timer due at once. Emits {@code ("E", ts)} / {@code ("P", ts)} per firing.
     */
    static final class BacklogWithProcessingTimer implements OneInputStreamOperator {
        private OperatorContext ctx;
        private io.weir.runtime.operators.TimerService<io.weir.checkpoint.state.VoidNamespace> timers;
        private boolean registered;

        @Override
        public void open(OperatorContext context) {
            ctx = context;
            timers = context.timerService(io.weir.checkpoint.state.VoidNamespaceSerializer.INSTANCE);
        }

        @Override
        public void processElement(Row row) {
            timers.registerEventTimeTimer(io.weir.checkpoint.state.VoidNamespace.INSTANCE, (Long) row.getField(1));
        }

        @Override
        public void onTimer(io.weir.runtime.operators.Timer<?> timer) {
            ctx.output().collect(Row.of(timer.domain() == io.weir.runtime.operators.TimeDomain.EVENT_TIME ? "E" : "P", timer.timestamp()));
            if (!registered) {
                registered = true;
                timers.registerProcessingTimeTimer(io.weir.checkpoint.state.VoidNamespace.INSTANCE, timers.currentProcessingTime());
            }
        }
    }

    @Test
    void whenAnEventTimeBacklogDrains_thenAProcessingTimeTimerFiresInBetween() throws Exception {
        Configuration conf = new Configuration();
        conf.set(RuntimeOptions.TIMER_FIRING_BATCH_SIZE, 10);
        JobGraph.Builder b = JobGraph.builder("not-starved").configuration(conf);
        b.addVertex("all", "v-all", List.of(
            OperatorFactory.of("source", "src", () -> new TestOperators.SequenceSource(50_000, false, i -> Row.of(i, i))),
            OperatorFactory.keyed("timers", "timers", BacklogWithProcessingTimer::new, KEY, KeySelector.ofFields(0)),
            OperatorFactory.of("sink", "sink", () -> new TestOperators.CollectSink("not-starved", 0))), 1, 128);
        assertEquals(JobStatus.FINISHED, cluster.submit(b.build()).await(Duration.ofSeconds(30)));

        List<Row> out = TestOperators.sink("not-starved");
        assertEquals(50_001, out.size());
        int p = 0;
        while (!out.get(p).getField(0).equals("P")) {
            p++;
        }
        assertTrue(p < 49_000, "the processing-time timer waited for the whole backlog: position " + p);
    }

    @Test
    void whenASourceSubtaskHasNoSplits_thenItIsIdleAndWatermarksStillAdvance() throws Exception {
        WATERMARKS.clear();
        Configuration conf = new Configuration();
        conf.set(RuntimeOptions.AUTO_WATERMARK_INTERVAL, Duration.ofMillis(20));
        JobGraph.Builder b = JobGraph.builder("idle").configuration(conf);
        WatermarkStrategy wm = WatermarkStrategy.boundedOutOfOrderness(TimestampAssigner.ofField(2), 0);
        int src = b.addVertex(SourceOperatorFactory.create("numbers", "numbers", new NumberSource(1, 1000, false), wm), 2, 128);
        int rec = b.addVertex(OperatorFactory.of("recorder", "recorder", WatermarkRecorder::new), 1, 128);
        b.connect(src, rec, Partitioner.REBALANCE);
        JobClient job = cluster.submit(b.build());

        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline && (WATERMARKS.isEmpty() || WATERMARKS.get(WATERMARKS.size() - 1) < 9989)) {
            Thread.sleep(10);
        }
        job.cancel();
        job.await(Duration.ofSeconds(5));
        assertTrue(!WATERMARKS.isEmpty() && WATERMARKS.get(WATERMARKS.size() - 1) == 9989, "watermarks: " + WATERMARKS);
        for (int i = 1; i < WATERMARKS.size(); i++) {
            assertTrue(WATERMARKS.get(i - 1) < WATERMARKS.get(i), "not increasing: " + WATERMARKS);
        }
    }

    @Test
    void shouldTakeTheMinimumWatermarkOfParallelSources() throws Exception {
        WATERMARKS.clear();
        JobGraph.Builder b = JobGraph.builder("min");
        // subtask 0 emits watermarks 0..99, subtask 1 0..99 too, both end: the output ends at MAX
        int src = b.addVertex(OperatorFactory.of("source", "src",
            () -> new TestOperators.SequenceSource(100, true, i -> Row.of(i, i))), 2, 128);
        int rec = b.addVertex(OperatorFactory.of("recorder", "recorder", WatermarkRecorder::new), 1, 128);
        b.connect(src, rec, Partitioner.REBALANCE);
        assertEquals(JobStatus.FINISHED, cluster.submit(b.build()).await(Duration.ofSeconds(30)));
        assertEquals(Long.MAX_VALUE, WATERMARKS.get(WATERMARKS.size() - 1));
        for (int i = 1; i < WATERMARKS.size(); i++) {
            assertTrue(WATERMARKS.get(i - 1) < WATERMARKS.get(i));
        }
    }
}
