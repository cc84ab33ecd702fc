package io.weir.runtime.operators.sql;

import static io.weir.runtime.operators.sql.SqlOperatorTesting.UTC;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.at;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.harness;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.keyedByK;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.data.Row;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.tasks.OperatorRestoreState;
import io.weir.runtime.testutils.OperatorHarness;
import io.weir.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WindowAggOperatorTest {

    private static OperatorFactory window(SliceAssigner assigner, boolean rowtime) {
        return keyedByK(() -> new WindowAggOperator(() -> new TestAggs(1), assigner, 2, rowtime, UTC,
            WindowAggOperator.MAX_BUFFERED_ROWS));
    }

    /** Results of one timestamp have no defined order across keys. */
    private static List<String> sorted(List<Row> rows) {
        List<String> s = new ArrayList<>(strings(rows));
        s.sort(null);
        return s;
    }

    private static WindowAggOperator operator(OperatorHarness h) {
        return (WindowAggOperator) h.chainedOperator().operator();
    }

    /** Output rows: key, count, sum, min, window_start, window_end, window_time. */
    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenWatermarkPassesTumbleEnd_thenWindowFiresAndItsStateIsCleared(String backend) throws Exception {
        for (boolean restore : new boolean[] {false, true}) {
            try (OperatorHarness h = harness(window(SliceAssigner.tumble(10, 0), true), backend, restore)) {
                h.processElement(at("a", 5, 1)).processElement(at("b", 7, 3)).processElement(at("a", 2, 9))
                    .processElement(at("a", 4, 12)).processWatermark(8);
                assertEquals(List.of(), h.rows());
                h.processWatermark(9);
                assertEquals(List.of("+I[a, 2, 7, 2, 0, 10, 9]", "+I[b, 1, 7, 7, 0, 10, 9]"), sorted(h.rows()));
                assertFalse(operator(h).hasSlice(10));
                assertTrue(operator(h).hasSlice(20));
                h.processWatermark(25);
                assertEquals("+I[a, 1, 4, 4, 10, 20, 19]", h.rows().get(2).toString());
                assertFalse(operator(h).hasSlice(20));
                assertEquals(List.of(), h.pendingTimers());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenHop_thenEachWindowMergesItsSlices(String backend) throws Exception {
        for (boolean restore : new boolean[] {false, true}) {
            try (OperatorHarness h = harness(window(SliceAssigner.hop(10, 5, 0), true), backend, restore)) {
                h.processElement(at("a", 1, 1)).processElement(at("a", 2, 6)).processElement(at("a", 3, 11))
                    .processWatermark(30);
                assertEquals(List.of("+I[a, 1, 1, 1, -5, 5, 4]", "+I[a, 2, 3, 1, 0, 10, 9]",
                    "+I[a, 2, 5, 2, 5, 15, 14]", "+I[a, 1, 3, 3, 10, 20, 19]"), strings(h.rows()));
                for (long slice = 5; slice <= 20; slice += 5) {
                    assertFalse(operator(h).hasSlice(slice), "slice " + slice);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenHopSizeIsNoMultipleOfSlide_thenSlicesAreTheirGcd(String backend) throws Exception {
        try (OperatorHarness h = harness(window(SliceAssigner.hop(6, 4, 0), true), backend, false)) {
            h.processElement(at("a", 1, 1)).processElement(at("a", 2, 3)).processElement(at("a", 4, 7))
                .processWatermark(100);
            // windows [k*4, k*4+6) over slices of 2: [-4,2) {1}, [0,6) {1,3}, [4,10) {7}
            assertEquals(List.of("+I[a, 1, 1, 1, -4, 2, 1]", "+I[a, 2, 3, 1, 0, 6, 5]", "+I[a, 1, 4, 4, 4, 10, 9]"),
                strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenCumulate_thenWindowsGrowByStepAndRestartAtMaxSize(String backend) throws Exception {
        for (boolean restore : new boolean[] {false, true}) {
            try (OperatorHarness h = harness(window(SliceAssigner.cumulate(10, 5, 0), true), backend, restore)) {
                h.processElement(at("a", 1, 1)).processElement(at("a", 2, 6)).processWatermark(4);
                assertEquals(List.of("+I[a, 1, 1, 1, 0, 5, 4]"), strings(h.rows()));
                h.processElement(at("a", 3, 11)).processWatermark(30);
                assertEquals(List.of("+I[a, 1, 1, 1, 0, 5, 4]", "+I[a, 2, 3, 1, 0, 10, 9]",
                    "+I[a, 1, 3, 3, 10, 15, 14]", "+I[a, 1, 3, 3, 10, 20, 19]"), strings(h.rows()));
                for (long slice = 5; slice <= 20; slice += 5) {
                    assertFalse(operator(h).hasSlice(slice), "slice " + slice);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenRowIsLate_thenItIsDroppedAndCounted(String backend) throws Exception {
        try (OperatorHarness h = harness(window(SliceAssigner.tumble(10, 0), true), backend, false)) {
            h.processElement(at("a", 1, 1)).processWatermark(10).processElement(at("a", 5, 5))
                .processElement(at("a", 6, 12)).processWatermark(20);
            assertEquals(List.of("+I[a, 1, 1, 1, 0, 10, 9]", "+I[a, 1, 6, 6, 10, 20, 19]"), strings(h.rows()));
            assertEquals(1, h.metrics().lateRecordsDropped());
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenHopRowMissedOnlyEarlierWindows_thenItCountsForLaterOnes(String backend) throws Exception {
        try (OperatorHarness h = harness(window(SliceAssigner.hop(10, 5, 0), true), backend, false)) {
            h.processElement(at("a", 1, 6)).processWatermark(9).processElement(at("a", 2, 7)).processWatermark(30);
            assertEquals(List.of("+I[a, 1, 1, 1, 0, 10, 9]", "+I[a, 2, 3, 1, 5, 15, 14]"), strings(h.rows()));
            assertEquals(0, h.metrics().lateRecordsDropped());
        }
    }

    /** Cascaded window aggregation: field 2 of the rows is the window_end of an upstream HOP window. */
    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenWindowAttached_thenRowsStayInTheirWindowWithOneTimerPerWindow(String backend) throws Exception {
        for (boolean restore : new boolean[] {false, true}) {
            SliceAssigner windowed = SliceAssigner.windowed(SliceAssigner.hop(10, 5, 0));
            try (OperatorHarness h = harness(window(windowed, true), backend, restore)) {
                h.processElement(at("a", 1, 10)).processElement(at("a", 2, 10)).processElement(at("a", 3, 15))
                    .processElement(at("a", 4, 15)).processElement(at("b", 5, 15));
                assertEquals(2 + 1, h.pendingTimers().size());
                h.processWatermark(9);
                assertEquals(List.of("+I[a, 2, 3, 1, 0, 10, 9]"), strings(h.rows()));
                assertFalse(operator(h).hasSlice(10));
                h.processElement(at("a", 9, 10)).processWatermark(14);
                assertEquals(List.of("+I[a, 2, 3, 1, 0, 10, 9]", "+I[a, 2, 7, 3, 5, 15, 14]", "+I[b, 1, 5, 5, 5, 15, 14]"),
                    sorted(h.rows()));
                if (!restore) { // a restored instance starts new metrics
                    assertEquals(1, h.metrics().lateRecordsDropped());
                }
                assertFalse(operator(h).hasSlice(10));
                assertFalse(operator(h).hasSlice(15));
                assertEquals(List.of(), h.pendingTimers());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenRestoredAfterWindowFired_thenOldRowsAreStillLate(String backend) throws Exception {
        OperatorRestoreState snapshot;
        try (OperatorHarness h = harness(window(SliceAssigner.tumble(10, 0), true), backend, false)) {
            h.processElement(at("a", 1, 1)).processElement(at("a", 2, 15)).processWatermark(10);
            snapshot = h.snapshot();
        }
        try (OperatorHarness h = OperatorHarness.builder(window(SliceAssigner.tumble(10, 0), true)).stateBackend(backend)
            .restoreFrom(snapshot).open()) {
            h.processElement(at("a", 9, 3)).processWatermark(20);
            assertEquals(List.of("+I[a, 1, 2, 2, 10, 20, 19]"), strings(h.rows()));
            assertEquals(1, h.metrics().lateRecordsDropped());
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenProcessingTime_thenWindowsFireOnTheClock(String backend) throws Exception {
        try (OperatorHarness h = OperatorHarness.builder(window(SliceAssigner.tumble(10, 0), false)).stateBackend(backend)
            .processingTime(3).open()) {
            h.processElement(at("a", 1, 999)).setProcessingTime(9).processElement(at("a", 2, -5));
            assertEquals(List.of(), h.rows());
            h.setProcessingTime(10);
            assertEquals(List.of("+I[a, 2, 3, 1, 0, 10, 9]"), strings(h.rows()));
            h.processElement(at("a", 4, 0)).setProcessingTime(30);
            assertEquals("+I[a, 1, 4, 4, 10, 20, 19]", h.rows().get(1).toString());
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenNoGroupBy_thenEmptyKeyAggregatesEverything(String backend) throws Exception {
        OperatorFactory f = OperatorFactory.keyed("w", "w", () -> new WindowAggOperator(() -> new TestAggs(1),
            SliceAssigner.tumble(10, 0), 2, true, UTC, 1), new RowType(List.of()), row -> Row.of());
        try (OperatorHarness h = harness(f, backend, false)) {
            h.processElement(at("a", 1, 1)).processElement(at("b", 2, 2)).processWatermark(10);
            assertEquals(List.of("+I[2, 3, 1, 0, 10, 9]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenRowtimeIsNull_thenErrorNamesTheField(String backend) throws Exception {
        try (OperatorHarness h = harness(window(SliceAssigner.tumble(10, 0), true), backend, false)) {
            Exception e = assertThrows(Exception.class, () -> h.processElement(Row.of("a", 1L, null)));
            assertTrue(String.valueOf(e.getCause()).contains("time attribute (field 2)"), String.valueOf(e.getCause()));
        }
    }

    @Test
    void sliceAssignersAgreeWithBruteForceWindows() {
        List<SliceAssigner> assigners = List.of(SliceAssigner.tumble(7, 2), SliceAssigner.hop(12, 4, 1),
            SliceAssigner.hop(10, 4, 0), SliceAssigner.cumulate(12, 3, 5));
        for (SliceAssigner a : assigners) {
            for (long ts = -40; ts < 40; ts++) {
                long slice = a.sliceEnd(ts);
                assertTrue(slice - a.sliceSize() <= ts && ts < slice);
                List<Long> ends = new ArrayList<>();
                for (long end = a.firstWindowEnd(slice); end <= a.lastWindowEnd(slice); end = a.nextWindowEnd(end)) {
                    ends.add(end);
                    long start = a.windowStart(end);
                    assertTrue(start <= ts && ts < end, a.getClass().getSimpleName() + " ts=" + ts + " window " + start + ".." + end);
                    assertEquals(0, (end - a.firstSliceEnd(end)) % a.sliceSize());
                }
                assertFalse(ends.isEmpty(), "ts=" + ts);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenShiftTimeZone_thenDayWindowsAlignToLocalMidnightAndFireAtItsInstant(String backend) throws Exception {
        SliceAssigner day = SliceAssigner.tumble(86_400_000L, 0).withShiftTimeZone(java.time.ZoneId.of("Asia/Shanghai"));
        long tenLocal = java.time.Instant.parse("2026-01-01T02:00:00Z").toEpochMilli();
        long localMidnight = java.time.Instant.parse("2026-01-01T00:00:00Z").toEpochMilli(); // wall clock as TIMESTAMP
        long fires = java.time.Instant.parse("2026-01-01T15:59:59.999Z").toEpochMilli();
        try (OperatorHarness h = harness(window(day, true), backend, false)) {
            h.processElement(at("a", 1, tenLocal)).processElement(at("a", 2, fires)).processWatermark(fires - 1);
            assertEquals(List.of(), h.rows());
            h.processWatermark(fires);
            assertEquals(List.of("+I[a, 2, 3, 1, " + localMidnight + ", " + (localMidnight + 86_400_000L) + ", "
                + (localMidnight + 86_399_999L) + "]"), strings(h.rows()));
            h.processElement(at("a", 9, fires));
            assertEquals(1, h.metrics().lateRecordsDropped());
        }
    }
}
