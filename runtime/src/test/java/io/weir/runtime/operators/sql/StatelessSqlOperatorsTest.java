package io.weir.runtime.operators.sql;

import static io.weir.runtime.operators.sql.SqlOperatorTesting.UTC;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.generated.Calc;
import io.weir.runtime.generated.WatermarkExpression;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.SourceOperator;
import io.weir.runtime.tasks.OperatorRestoreState;
import io.weir.runtime.testutils.OperatorHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatelessSqlOperatorsTest {

    /** {@code SELECT k, x * 2 WHERE x > 2}, reusing its output row like generated code with output reuse. */
    private static final class ReusingCalc implements Calc {
        private final Row out = new Row(2);

        @Override
        public Row apply(Row in) {
            Long x = (Long) in.getField(1);
            if (x == null || x <= 2) {
                return null;
            }
            out.setKind(in.getKind());
            out.setField(0, in.getField(0));
            out.setField(1, x * 2);
            return out;
        }
    }

    @Test
    void whenCalcReusesItsOutput_thenOperatorEmitsFreshRowsKeepingTheKind() throws Exception {
        OperatorFactory f = OperatorFactory.of("calc", "calc", () -> new CalcOperator(ReusingCalc::new, true, UTC));
        try (OperatorHarness h = OperatorHarness.builder(f).open()) {
            h.processElement(Row.of("a", 1L)).processElement(Row.of("b", 3L))
                .processElement(Row.ofKind(RowKind.UPDATE_BEFORE, "c", 4L)).processWatermark(7);
            assertEquals(List.of("+I[b, 6]", "-U[c, 8]"), strings(h.rows()));
            assertNotSame(h.rows().get(0), h.rows().get(1));
            assertEquals(List.of(7L), h.watermarks());
        }
    }

    @Test
    void shouldEmitValuesOnceAcrossARestore() throws Exception {
        List<Row> values = new ArrayList<>();
        for (long i = 0; i < 600; i++) {
            values.add(Row.of(i));
        }
        OperatorFactory f = ValuesSource.factory("values", "values", values);
        OperatorRestoreState snapshot;
        List<Row> emitted = new ArrayList<>();
        try (OperatorHarness h = OperatorHarness.builder(f).open()) {
            assertEquals(SourceOperator.Status.MORE_AVAILABLE, source(h).emitNext());
            snapshot = h.snapshot();
            emitted.addAll(h.rows());
        }
        try (OperatorHarness h = OperatorHarness.builder(f).restoreFrom(snapshot).open()) {
            SourceOperator.Status status;
            do {
                status = source(h).emitNext();
            } while (status == SourceOperator.Status.MORE_AVAILABLE);
            assertEquals(SourceOperator.Status.END_OF_INPUT, status);
            emitted.addAll(h.rows());
        }
        assertEquals(values, emitted);
    }

    @Test
    void whenNotSubtaskZero_thenValuesEmitsNothing() throws Exception {
        OperatorFactory f = ValuesSource.factory("values", "values", List.of(Row.of(1L)));
        try (OperatorHarness h = OperatorHarness.builder(f).subtask(1, 2, 128).open()) {
            assertEquals(SourceOperator.Status.END_OF_INPUT, source(h).emitNext());
            assertEquals(List.of(), h.rows());
        }
    }

    private static SourceOperator source(OperatorHarness h) {
        return (SourceOperator) h.chainedOperator().operator();
    }

    private static OperatorFactory assigner(Duration interval, Duration idle) {
        WatermarkExpression minus5 = row -> row.getField(2) == null ? WatermarkExpression.NO_WATERMARK
            : (Long) row.getField(2) - 5;
        return OperatorFactory.of("wm", "wm", () -> new WatermarkAssignerOperator(() -> minus5, interval, idle, UTC));
    }

    @Test
    void whenIntervalIsZero_thenEveryAdvanceIsEmittedAndUpstreamWatermarksAreReplaced() throws Exception {
        try (OperatorHarness h = OperatorHarness.builder(assigner(Duration.ZERO, Duration.ZERO)).open()) {
            h.processElement(Row.of("a", 1L, 10L)).processElement(Row.of("a", 1L, 8L)).processWatermark(100)
                .processElement(Row.of("a", 1L, 20L)).processElement(Row.of("a", 1L, null));
            assertEquals(List.of(5L, 15L), h.watermarks());
            assertEquals(4, h.rows().size());
            h.processWatermark(Long.MAX_VALUE);
            assertEquals(List.of(5L, 15L, Long.MAX_VALUE), h.watermarks());
        }
    }

    @Test
    void whenIntervalIsZero_thenEachRowPrecedesTheWatermarkItAdvances() throws Exception {
        try (OperatorHarness h = OperatorHarness.builder(assigner(Duration.ZERO, Duration.ZERO)).open()) {
            h.processElement(Row.of("a", 1L, 10L)).processElement(Row.of("b", 1L, 20L));
            List<String> order = h.output().elements().stream()
                .map(e -> e instanceof Row ? "row " + ((Row) e).getField(0) : e.toString()).toList();
            assertEquals(List.of("row a", "WM(5)", "row b", "WM(15)"), order);
        }
    }

    @Test
    void whenIntervalIsSet_thenMaximumIsEmittedPeriodicallyAndIdlenessIsMarked() throws Exception {
        try (OperatorHarness h = OperatorHarness.builder(assigner(Duration.ofMillis(100), Duration.ofMillis(300))).open()) {
            h.processElement(Row.of("a", 1L, 10L)).processElement(Row.of("a", 1L, 30L));
            assertEquals(List.of(), h.watermarks());
            h.setProcessingTime(100);
            assertEquals(List.of(25L), h.watermarks());
            h.setProcessingTime(200).setProcessingTime(300);
            assertEquals(List.of(25L), h.watermarks());
            assertEquals("IDLE", h.output().elements().get(h.output().elements().size() - 1));
            h.processElement(Row.of("a", 1L, 50L)).setProcessingTime(400);
            List<Object> tail = h.output().elements().subList(h.output().elements().size() - 3, h.output().elements().size());
            assertEquals("[ACTIVE, +I[a, 1, 50], WM(45)]", tail.toString());
        }
    }
}
