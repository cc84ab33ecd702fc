package io.weir.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.serialization.LongSerializer;
import io.weir.checkpoint.state.StateBackendOptions;
import io.weir.checkpoint.state.ValueState;
import io.weir.checkpoint.state.ValueStateDescriptor;
import io.weir.runtime.data.Row;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.Partitioner;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.testutils.TestOperators;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cancelling a busy job stops every one of its task threads promptly and closes its operators and
 * state backends (a cancelled job must not keep running, or holding memory, next to later jobs).
 */
class JobCancellationTest {
    private static final RowType KEY = RowType.of(new String[] {"k"}, new DataType[] {DataType.bigint()});
    /** Per job name: how many {@link SlowKeyedCount} subtasks were closed. */
    private static final Map<String, AtomicInteger> CLOSED = new ConcurrentHashMap<>();

    private LocalCluster cluster;

    @BeforeEach
    void setUp() {
        cluster = new LocalCluster();
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    /** A keyed operator that burns ~50 µs per row and counts rows per key in keyed state. */
    static final class SlowKeyedCount implements OneInputStreamOperator {
        private final String job;
        private ValueState<Long> count;

        SlowKeyedCount(String job) {
            this.job = job;
        }

        @Override
        public void open(OperatorContext context) {
            count = context.getState(new ValueStateDescriptor<>("n", LongSerializer.INSTANCE));
        }

        @Override
        public void processElement(Row row) throws Exception {
            long until = System.nanoTime() + 50_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            Long n = count.value();
            count.update(n == null ? 1L : n + 1);
        }

        @Override
        public void close() {
            CLOSED.computeIfAbsent(job, j -> new AtomicInteger()).incrementAndGet();
        }
    }

    private static List<String> liveTaskThreads(String job) {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.isAlive() && t.getName().startsWith("weir-task " + job + " "))
            .map(Thread::getName).collect(Collectors.toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void whenABusyJobIsCancelled_thenAllItsTaskThreadsEndAndItsOperatorsAreClosed(String backend) throws Exception {
        String name = "busy-" + backend;
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND_TYPE, backend);
        JobGraph.Builder b = JobGraph.builder(name).configuration(conf);
        int src = b.addVertex(OperatorFactory.of("source", "src", () -> new TestOperators.SequenceSource(Long.MAX_VALUE,
            false, i -> Row.of(i % 1000, i))), 2, 128);
        int slow = b.addVertex(OperatorFactory.keyed("slow", "slow", () -> new SlowKeyedCount(name), KEY,
            KeySelector.ofFields(0)), 2, 128);
        b.connect(src, slow, Partitioner.hash(KeySelector.ofFields(0)));
        JobClient job = cluster.submit(b.build());
        long deadline = System.currentTimeMillis() + 10_000;
        while (liveTaskThreads(name).size() < 4 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(4, liveTaskThreads(name).size(), "two sources and two slow operators run");
        Thread.sleep(300); // the sources fill the channels: the slow operators are busy, the sources blocked

        long start = System.nanoTime();
        job.cancel();
        assertEquals(JobStatus.CANCELED, job.await(Duration.ofSeconds(10)));
        while (!liveTaskThreads(name).isEmpty() && System.nanoTime() - start < 5_000_000_000L) {
            Thread.sleep(10);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of(), liveTaskThreads(name), "task threads still running " + millis + " ms after cancel");
        assertTrue(millis < 5000, "cancel took " + millis + " ms");
        assertEquals(2, CLOSED.getOrDefault(name, new AtomicInteger()).get(),
            "a cancelled task closes its operators and their state backends");
    }
}
