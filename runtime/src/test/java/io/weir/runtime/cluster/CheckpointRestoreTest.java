package io.weir.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.state.ListState;
import io.weir.checkpoint.state.ListStateDescriptor;
import io.weir.checkpoint.state.snapshot.MemoryCheckpointStreamFactory;
import io.weir.runtime.connector.SourceOperatorFactory;
import io.weir.runtime.data.Row;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.Partitioner;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.StateInitialization;
import io.weir.runtime.serialization.RowSerializer;
import io.weir.runtime.tasks.OperatorRestoreState;
import io.weir.runtime.tasks.OperatorSnapshot;
import io.weir.runtime.testutils.NumberSource;
import io.weir.runtime.testutils.TestOperators;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Barriers in band: a checkpoint taken while rows flow from two source subtasks into one sink
 * (aligned on its two channels), then a new job restored from it, loses and duplicates nothing.
 */
class CheckpointRestoreTest {
    private final LocalCluster cluster = new LocalCluster();

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    /** Keeps every row it received in operator state; publishes them at finish. */
    static final class StatefulSink implements OneInputStreamOperator {
        private OperatorContext ctx;
        private final List<Row> rows = new ArrayList<>();

        @Override
        public void open(OperatorContext context) {
            this.ctx = context;
        }

        private ListState<Row> state() throws Exception {
            return ctx.operatorStateBackend().getListState(new ListStateDescriptor<>("rows", new RowSerializer(NumberSource.TYPE)));
        }

        @Override
        public void initializeState(StateInitialization init) throws Exception {
            if (init.isRestored()) {
                state().get().forEach(rows::add);
            }
        }

        @Override
        public void processElement(Row row) {
            rows.add(row);
        }

        @Override
        public void snapshotState(long checkpointId) throws Exception {
            state().update(rows);
        }

        @Override
        public void finish() {
            TestOperators.sink("restored").addAll(rows);
        }
    }

    private static JobGraph graph(boolean bounded) {
        return graph(bounded, 2);
    }

    private static JobGraph graph(boolean bounded, int sourceParallelism) {
        JobGraph.Builder b = JobGraph.builder("exactly-once");
        int src = b.addVertex(SourceOperatorFactory.create("numbers", "numbers", new NumberSource(5, 20_000, bounded), null),
            sourceParallelism, 128);
        int snk = b.addVertex(OperatorFactory.of("sink", "sink", StatefulSink::new), 1, 128);
        b.connect(src, snk, Partitioner.REBALANCE);
        return b.build();
    }

    @Test
    void shouldRestoreFromAnAlignedCheckpointWithoutLossOrDuplicates() throws Exception {
        Map<String, OperatorRestoreState> acked = checkpointOnce();
        JobClient second = cluster.submit(graph(true), "job-1", (uid, subtask, p) -> acked.get(uid + "#" + subtask));
        assertEquals(JobStatus.FINISHED, second.await(Duration.ofSeconds(30)));
        assertExactlyOnce("restored");
    }

    @Test
    void shouldRestoreSourcesAtAnotherParallelismWithoutLossOrDuplicates() throws Exception {
        Map<String, OperatorRestoreState> acked = checkpointOnce();
        List<OperatorRestoreState> sources = OperatorRestoreState.redistribute(
            List.of(acked.get("numbers#0"), acked.get("numbers#1")), 128, 3);
        JobClient second = cluster.submit(graph(true, 3), "job-1",
            (uid, subtask, p) -> uid.equals("numbers") ? sources.get(subtask) : acked.get(uid + "#" + subtask));
        assertEquals(JobStatus.FINISHED, second.await(Duration.ofSeconds(30)));
        assertExactlyOnce("restored");
    }

    private static void assertExactlyOnce(String sink) {
        List<Row> out = TestOperators.SINKS.remove(sink);
        Set<String> seen = new HashSet<>();
        for (Row r : out) {
            assertTrue(seen.add(r.getField(0) + ":" + r.getField(1)), "duplicate " + r);
        }
        assertEquals(100_000, out.size());
    }

    private Map<String, OperatorRestoreState> checkpointOnce() throws Exception {
        JobClient first = cluster.submit(graph(false), "job-1", RestoreProvider.NONE);
        Map<String, OperatorRestoreState> acked = new ConcurrentHashMap<>();
        CheckpointControl control = cluster.checkpointControl(first);
        control.configure(new MemoryCheckpointStreamFactory(), (vertexUid, subtask, id, snapshots) -> {
            try {
                for (OperatorSnapshot s : snapshots) {
                    acked.put(s.operatorUid() + "#" + subtask, s.complete());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        control.triggerCheckpoint(1, System.currentTimeMillis());
        long deadline = System.currentTimeMillis() + 10_000;
        while (acked.size() < control.numberOfTasks() && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(3, acked.size(), "acknowledgements: " + acked.keySet());
        first.cancel();
        first.await(Duration.ofSeconds(5));
        return acked;
    }
}
