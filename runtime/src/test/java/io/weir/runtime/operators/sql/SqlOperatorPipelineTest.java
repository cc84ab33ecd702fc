package io.weir.runtime.operators.sql;

import static io.weir.runtime.operators.sql.SqlOperatorTesting.KEY_TYPE;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.UTC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.runtime.cluster.JobClient;
import io.weir.runtime.cluster.JobStatus;
import io.weir.runtime.cluster.LocalCluster;
import io.weir.runtime.data.Row;
import io.weir.runtime.generated.Calc;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.Partitioner;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.testutils.TestOperators;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SQL operators in real jobs on the local cluster at parallelism 2: Calc chained after a
 * source, a hash exchange on the grouping key, window and two-phase group aggregation.
 */
class SqlOperatorPipelineTest {
    private LocalCluster cluster;

    @BeforeEach
    void start() {
        cluster = new LocalCluster();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    /** Rows {@code (k<i % 5>, i, ts = i)} with watermark {@code i} after each, per source subtask. */
    private static OperatorFactory source(long rows) {
        return OperatorFactory.of("source", "source", () -> new TestOperators.SequenceSource(rows, true,
            i -> Row.of("k" + (i % 5), i, i)));
    }

    /** {@code WHERE x % 10 <> 0}. */
    private static OperatorFactory calc() {
        Calc dropTens = row -> (Long) row.getField(1) % 10 == 0 ? null : row;
        return OperatorFactory.of("calc", "calc", () -> new CalcOperator(() -> dropTens, false, UTC));
    }

    @Test
    void shouldRunCalcAndTumblingWindowAggregationAcrossAHashExchange() throws Exception {
        JobGraph.Builder b = JobGraph.builder("window");
        int src = b.addVertex("source", "v-source", List.of(source(1000), calc()), 2, 128);
        OperatorFactory window = OperatorFactory.keyed("window", "window", () -> new WindowAggOperator(
            () -> new TestAggs(1), SliceAssigner.tumble(100, 0), 2, true, UTC, WindowAggOperator.MAX_BUFFERED_ROWS),
            KEY_TYPE, KeySelector.ofFields(0));
        int agg = b.addVertex("window", "v-window", List.of(window, sink("window-out")), 2, 128);
        b.connect(src, agg, Partitioner.hash(KeySelector.ofFields(0)));
        JobClient job = cluster.submit(b.build());
        assertEquals(JobStatus.FINISHED, job.await(Duration.ofSeconds(60)));

        List<Row> out = TestOperators.sink("window-out");
        assertEquals(50, out.size());
        for (Row r : out) {
            // 20 rows of a key per window and subtask; k0 loses the multiples of 10 to the Calc
            long expected = r.getField(0).equals("k0") ? 20 : 40;
            assertEquals(expected, r.getField(1), r.toString());
            assertEquals((Long) r.getField(5) - 100, r.getField(4));
        }
    }

    @Test
    void shouldRunLocalGlobalAggregationAcrossAHashExchange() throws Exception {
        MiniBatch batch = MiniBatch.of(Duration.ofMillis(5), 50);
        JobGraph.Builder b = JobGraph.builder("local-global");
        OperatorFactory local = OperatorFactory.of("local", "local", () ->
            new LocalGroupAggOperator(() -> KeySelector.ofFields(0), () -> new TestAggs(1), batch, UTC));
        int src = b.addVertex("source", "v-source", List.of(source(1000), local), 2, 128);
        OperatorFactory global = OperatorFactory.keyed("global", "global", () -> new GlobalGroupAggOperator(
            () -> new TestAggs(1), 1, true, Duration.ZERO, batch, UTC), KEY_TYPE, KeySelector.ofFields(0));
        int agg = b.addVertex("global", "v-global", List.of(global, sink("global-out")), 2, 128);
        b.connect(src, agg, Partitioner.hash(KeySelector.ofFields(0)));
        JobClient job = cluster.submit(b.build());
        assertEquals(JobStatus.FINISHED, job.await(Duration.ofSeconds(60)));

        Map<String, String> table = Changelogs.materialize(TestOperators.sink("global-out"), 1, 4);
        assertEquals(5, table.size());
        // key k<j>: i = j, j+5, ..., j+995 on each of the 2 subtasks
        for (int j = 0; j < 5; j++) {
            long sum = 2 * (200L * j + 5L * 199 * 200 / 2);
            assertEquals("[k" + j + ", 400, " + sum + ", " + j + "]", table.get("[k" + j + "]"));
        }
    }

    private static OperatorFactory sink(String name) {
        return OperatorFactory.of(name, name, () -> new TestOperators.CollectSink(name, 0));
    }
}
