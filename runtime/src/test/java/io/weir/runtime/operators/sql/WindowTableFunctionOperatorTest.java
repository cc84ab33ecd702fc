package io.weir.runtime.operators.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.runtime.data.Row;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.testutils.OperatorHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inputs {@code (v, ts)}; outputs {@code (v, ts, window_start, window_end, window_time)}. */
class WindowTableFunctionOperatorTest {

    private static OperatorHarness harness(SliceAssigner assigner, boolean rowtime) throws Exception {
        OperatorFactory f = WindowTableFunctionOperator.factory("tvf", "tvf-uid", assigner, 1, rowtime);
        return OperatorHarness.builder(f).processingTime(1_000).open();
    }

    private static List<String> strings(List<Row> rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.toString()));
        return out;
    }

    @Test
    void shouldAssignEachRowToItsTumblingWindow() throws Exception {
        try (OperatorHarness h = harness(SliceAssigner.tumble(10, 0), true)) {
            h.processElement(Row.of(1L, 0L)).processElement(Row.of(2L, 9L)).processElement(Row.of(3L, 10L))
                .processElement(Row.of(4L, -1L));
            assertEquals(List.of("+I[1, 0, 0, 10, 9]", "+I[2, 9, 0, 10, 9]", "+I[3, 10, 10, 20, 19]",
                "+I[4, -1, -10, 0, -1]"), strings(h.rows()));
        }
    }

    @Test
    void shouldRepeatARowForEveryHoppingAndCumulatingWindow() throws Exception {
        try (OperatorHarness h = harness(SliceAssigner.hop(10, 5, 0), true)) {
            h.processElement(Row.of(1L, 7L));
            assertEquals(List.of("+I[1, 7, 0, 10, 9]", "+I[1, 7, 5, 15, 14]"), strings(h.rows()));
        }
        try (OperatorHarness h = harness(SliceAssigner.cumulate(30, 10, 0), true)) {
            h.processElement(Row.of(1L, 12L));
            assertEquals(List.of("+I[1, 12, 0, 20, 19]", "+I[1, 12, 0, 30, 29]"), strings(h.rows()));
        }
    }

    @Test
    void whenRowtimeIsNull_thenTheRowIsDroppedAndCounted() throws Exception {
        try (OperatorHarness h = harness(SliceAssigner.tumble(10, 0), true)) {
            h.processElement(Row.of(1L, null)).processWatermark(100);
            assertEquals(List.of(), h.rows());
            assertEquals(1, h.metrics().lateRecordsDropped());
            assertEquals(List.of(100L), h.watermarks());
        }
    }

    @Test
    void shouldAssignProcessingTimeWindowsByTheClock() throws Exception {
        try (OperatorHarness h = harness(SliceAssigner.tumble(1_000, 0), false)) {
            h.setProcessingTime(2_500).processElement(Row.of(1L, 7L));
            assertEquals(List.of("+I[1, 7, 2000, 3000, 2999]"), strings(h.rows()));
        }
    }
}
