package io.weir.runtime.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.runtime.cluster.JobStatus;
import io.weir.runtime.cluster.LocalCluster;
import io.weir.runtime.data.Row;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.Partitioner;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.TwoInputStreamOperator;
import io.weir.runtime.testutils.OperatorHarness;
import io.weir.runtime.testutils.TestOperators;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwoInputOperatorTest {
    private static final RowType KEY = RowType.of(new String[] {"k"}, new DataType[] {DataType.bigint()});

    /** Emits {@code (input, key, row field 1)} for each row, keyed by field 0 on both sides. */
    static final class Tagger implements TwoInputStreamOperator {
        private OperatorContext ctx;

        @Override
        public void open(OperatorContext context) {
            ctx = context;
        }

        @Override
        public void processElement1(Row row) {
            ctx.output().collect(Row.of("L", ctx.currentKey().getField(0), row.getField(1)));
        }

        @Override
        public void processElement2(Row row) {
            ctx.output().collect(Row.of("R", ctx.currentKey().getField(0), row.getField(1)));
        }
    }

    private static OperatorFactory tagger() {
        return OperatorFactory.keyed("tag", "tag", Tagger::new, KEY, KeySelector.ofFields(0), KeySelector.ofFields(0));
    }

    @Test
    void shouldCombineTheTwoInputWatermarksByMinimumAndSkipAnIdleInput() throws Exception {
        try (OperatorHarness h = OperatorHarness.builder(tagger()).open()) {
            h.processElement(0, Row.of(1L, "a")).processElement(1, Row.of(1L, "b"));
            assertEquals(List.of(Row.of("L", 1L, "a"), Row.of("R", 1L, "b")), h.rows());
            h.processWatermark(0, 10).processWatermark(1, 5);
            assertEquals(List.of(5L), h.watermarks());
            h.processWatermark(1, 20);
            assertEquals(List.of(5L, 10L), h.watermarks());
            h.setInputIdle(0);
            assertEquals(List.of(5L, 10L, 20L), h.watermarks());
        }
    }

    @Test
    void shouldRouteBothInputsOfAJobByTheSameKey() throws Exception {
        try (LocalCluster cluster = new LocalCluster()) {
            JobGraph.Builder b = JobGraph.builder("two-inputs");
            int left = b.addVertex(OperatorFactory.of("left", "left",
                () -> new TestOperators.SequenceSource(100, false, i -> Row.of(i % 7, "l" + i))), 2, 128);
            int right = b.addVertex(OperatorFactory.of("right", "right",
                () -> new TestOperators.SequenceSource(50, false, i -> Row.of(i % 7, "r" + i))), 1, 128);
            int tag = b.addVertex("tag", "v-tag", List.of(tagger(),
                OperatorFactory.of("sink", "sink", () -> new TestOperators.CollectSink("two-inputs", 0))), 3, 128);
            b.connect(left, tag, 0, Partitioner.hash(KeySelector.ofFields(0)));
            b.connect(right, tag, 1, Partitioner.hash(KeySelector.ofFields(0)));
            assertEquals(JobStatus.FINISHED, cluster.submit(b.build()).await(Duration.ofSeconds(30)));
        }
        List<Row> out = TestOperators.sink("two-inputs");
        assertEquals(250, out.size());
        assertEquals(200, out.stream().filter(r -> r.getField(0).equals("L")).count());
    }
}
