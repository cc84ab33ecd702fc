package io.weir.runtime.operators.sql;

import static io.weir.runtime.operators.sql.SqlOperatorTesting.UTC;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.harness;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.insert;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.keyedByK;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.data.Row;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.tasks.OperatorRestoreState;
import io.weir.runtime.testutils.OperatorHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MiniBatchGroupAggOperatorTest {

    private static OperatorFactory miniBatch(MiniBatch config) {
        return keyedByK(() -> new MiniBatchGroupAggOperator(() -> new TestAggs(1), true, Duration.ZERO, config, UTC));
    }

    private static List<Row> runPlain(List<Row> input, String backend) throws Exception {
        try (OperatorHarness h = harness(keyedByK(() -> new GroupAggOperator(() -> new TestAggs(1), true,
            Duration.ZERO, UTC)), backend, false)) {
            for (Row r : input) {
                h.processElement(r);
            }
            return h.rows();
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenBatchIsFull_thenEachKeyEmitsOneChange(String backend) throws Exception {
        try (OperatorHarness h = harness(miniBatch(MiniBatch.of(Duration.ZERO, 3)), backend, false)) {
            h.processElement(insert("a", 5)).processElement(insert("a", 3));
            assertEquals(List.of(), h.rows());
            h.processElement(insert("b", 1));
            assertEquals(List.of("+I[a, 2, 8, 3]", "+I[b, 1, 1, 1]"), strings(h.rows()));
            h.processElement(insert("a", 1)).processElement(insert("a", 2)).processElement(insert("c", 2));
            assertEquals(List.of("+I[a, 2, 8, 3]", "+I[b, 1, 1, 1]", "-U[a, 2, 8, 3]", "+U[a, 4, 11, 1]",
                "+I[c, 1, 2, 2]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenLatencyPasses_thenBatchIsFolded(String backend) throws Exception {
        try (OperatorHarness h = harness(miniBatch(MiniBatch.of(Duration.ofMillis(100), 0)), backend, false)) {
            h.processElement(insert("a", 5)).setProcessingTime(50).processElement(insert("a", 3));
            assertEquals(List.of(), h.rows());
            h.setProcessingTime(100);
            assertEquals(List.of("+I[a, 2, 8, 3]"), strings(h.rows()));
            h.processElement(insert("a", 1)).setProcessingTime(199);
            assertEquals(1, h.rows().size());
            h.setProcessingTime(200);
            assertEquals(List.of("+I[a, 2, 8, 3]", "-U[a, 2, 8, 3]", "+U[a, 3, 9, 1]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenCheckpointOrWatermarkOrEnd_thenBatchIsFoldedFirst(String backend) throws Exception {
        try (OperatorHarness h = harness(miniBatch(MiniBatch.of(Duration.ZERO, 1000)), backend, false)) {
            h.processElement(insert("a", 5));
            h.snapshot();
            assertEquals(List.of("+I[a, 1, 5, 5]"), strings(h.rows()));
            h.processElement(insert("a", 6)).processWatermark(10);
            assertEquals(List.of("+I[a, 1, 5, 5]", "-U[a, 1, 5, 5]", "+U[a, 2, 11, 5]", "WM(10)"),
                h.output().elements().stream().map(Object::toString).toList());
            h.processElement(insert("b", 7)).endInput();
            assertEquals("+I[b, 1, 7, 7]", h.rows().get(h.rows().size() - 1).toString());
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void shouldGiveSameFinalResultsAsPlainOperator(String backend) throws Exception {
        for (boolean restore : new boolean[] {false, true}) {
            // restoring at every step makes every batch a single row, so a short input suffices there
            List<Row> input = Changelogs.workload(7, restore ? 30 : 200, true);
            List<Row> plain = runPlain(input, backend);
            try (OperatorHarness h = harness(miniBatch(MiniBatch.of(Duration.ZERO, 7)), backend, restore)) {
                for (Row r : input) {
                    h.processElement(r);
                }
                h.endInput();
                assertEquals(Changelogs.materialize(plain, 1, 4), Changelogs.materialize(h.rows(), 1, 4),
                    "restoreEveryStep=" + restore);
                if (!restore) {
                    assertTrue(h.rows().size() < plain.size(), "batches fold several rows per key");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenLocalGlobal_thenSameFinalResultsAsPlainOperator(String backend) throws Exception {
        for (boolean retractions : new boolean[] {false, true}) {
            List<Row> input = Changelogs.workload(11, 300, retractions);
            // MIN cannot retract across phases (see LocalGroupAggOperator), so with retractions compare COUNT and SUM
            int width = retractions ? 3 : 4;
            Map<String, String> expected = Changelogs.materialize(runPlain(input, backend), 1, width);
            MiniBatch config = MiniBatch.of(Duration.ZERO, 5);
            OperatorFactory local = OperatorFactory.of("local", "local", () ->
                new LocalGroupAggOperator(() -> KeySelector.ofFields(0), () -> new TestAggs(1), config, UTC));
            OperatorFactory global = keyedByK(() ->
                new GlobalGroupAggOperator(() -> new TestAggs(1), 1, true, Duration.ZERO, config, UTC));
            List<Row> partials;
            try (OperatorHarness l = harness(local, backend, false)) {
                for (Row r : input) {
                    l.processElement(r);
                }
                l.endInput();
                partials = l.rows();
            }
            List<Row> output = new ArrayList<>();
            OperatorRestoreState snapshot;
            try (OperatorHarness g = harness(global, backend, false)) {
                partials.subList(0, partials.size() / 2).forEach(p -> process(g, p));
                snapshot = g.snapshot();
                output.addAll(g.rows());
            }
            try (OperatorHarness g = OperatorHarness.builder(global).stateBackend(backend).restoreFrom(snapshot).open()) {
                partials.subList(partials.size() / 2, partials.size()).forEach(p -> process(g, p));
                g.endInput();
                output.addAll(g.rows());
            }
            assertEquals(expected, Changelogs.materialize(output, 1, width), "retractions=" + retractions);
        }
    }

    private static void process(OperatorHarness h, Row row) {
        try {
            h.processElement(row);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void whenNoTriggerIsConfigured_thenErrorNamesTheOptions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MiniBatch.of(Duration.ZERO, 0));
        assertTrue(e.getMessage().contains("table.exec.mini-batch.allow-latency"), e.getMessage());
    }
}
