package io.weir.runtime.operators.sql.join;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.checkpoint.state.StateTtlConfig;
import io.weir.runtime.cluster.JobStatus;
import io.weir.runtime.cluster.LocalCluster;
import io.weir.runtime.data.Row;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.Partitioner;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.testutils.TestOperators;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Joins through the public factories in a local cluster: two sources hashed by key into a join at parallelism 2. */
class JoinJobTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final RowType KEY = RowType.of(new String[] {"k"}, new DataType[] {DataType.bigint()});
    private static final RowType ROW = RowType.of(new String[] {"k", "ts"}, new DataType[] {DataType.bigint(), DataType.bigint()});

    private static List<Row> run(String name, OperatorFactory join, int leftCount, int rightCount) throws Exception {
        try (LocalCluster cluster = new LocalCluster()) {
            JobGraph.Builder b = JobGraph.builder(name);
            int left = b.addVertex(OperatorFactory.of("left", "left",
                () -> new TestOperators.SequenceSource(leftCount, true, i -> Row.of(i % 7, i))), 1, 128);
            int right = b.addVertex(OperatorFactory.of("right", "right",
                () -> new TestOperators.SequenceSource(rightCount, true, i -> Row.of(i % 7, i))), 1, 128);
            int joinVertex = b.addVertex("join", "v-join", List.of(join,
                OperatorFactory.of("sink", "sink", () -> new TestOperators.CollectSink(name, 0))), 2, 128);
            b.connect(left, joinVertex, 0, Partitioner.hash(KeySelector.ofFields(0)));
            b.connect(right, joinVertex, 1, Partitioner.hash(KeySelector.ofFields(0)));
            assertEquals(JobStatus.FINISHED, cluster.submit(b.build()).await(Duration.ofSeconds(30)));
        }
        return TestOperators.sink(name);
    }

    @Test
    void shouldRunARegularJoinFromItsFactoryInAJob() throws Exception {
        OperatorFactory join = StreamingJoinOperator.factory("join", "join-uid", JoinType.INNER, KeySelector.ofFields(0),
            KeySelector.ofFields(0), KEY, ROW, ROW, JoinInputSpec.noUniqueKey(), JoinInputSpec.noUniqueKey(), null,
            true, StateTtlConfig.DISABLED, UTC);
        List<Row> out = run("regular-join-job", join, 100, 50);
        long expected = 0;
        for (long k = 0; k < 7; k++) {
            expected += count(100, k) * count(50, k);
        }
        assertEquals(expected, out.size());
    }

    @Test
    void shouldRunAnIntervalJoinFromItsFactoryInAJob() throws Exception {
        OperatorFactory join = IntervalJoinOperator.factory("ij", "ij-uid", JoinType.LEFT, KeySelector.ofFields(0),
            KeySelector.ofFields(0), KEY, ROW, ROW, 1, 1, -10, 10, true, null, UTC);
        List<Row> out = run("interval-join-job", join, 100, 50);
        long expected = 0;
        for (long l = 0; l < 100; l++) {
            long matches = 0;
            for (long r = 0; r < 50; r++) {
                if (l % 7 == r % 7 && Math.abs(l - r) <= 10) {
                    matches++;
                }
            }
            expected += Math.max(matches, 1); // a left row without match is emitted padded
        }
        assertEquals(expected, out.size(), "rows: " + out);
    }

    private static long count(long n, long k) {
        long c = 0;
        for (long i = 0; i < n; i++) {
            if (i % 7 == k) {
                c++;
            }
        }
        return c;
    }
}
