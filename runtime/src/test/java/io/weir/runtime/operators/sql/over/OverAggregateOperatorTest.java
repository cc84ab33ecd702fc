package io.weir.runtime.operators.sql.over;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.state.StateTtlConfig;
import io.weir.runtime.data.Row;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.tasks.OperatorRestoreState;
import io.weir.runtime.testutils.OperatorHarness;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Inputs {@code (k STRING, v BIGINT, ts BIGINT)}, partitioned by {@code k}; output adds {@code COUNT(*), SUM(v)}. */
class OverAggregateOperatorTest {
    static final ZoneId UTC = ZoneId.of("UTC");
    static final RowType KEY_TYPE = RowType.of(new String[] {"k"}, new DataType[] {DataType.string()});
    static final RowType INPUT_TYPE = RowType.of(new String[] {"k", "v", "ts"},
        new DataType[] {DataType.string(), DataType.bigint(), DataType.bigint()});

    static Stream<String> backends() {
        return Stream.of("hashmap", "rocksdb");
    }

    private static OperatorFactory over(boolean rowtime, boolean rows, long preceding) {
        return OperatorFactory.keyed("over", "over-uid", () -> new OverAggregateOperator(INPUT_TYPE,
            () -> new SumCountAggs(1, true), rowtime, 2, rows, preceding, StateTtlConfig.DISABLED, UTC),
            KEY_TYPE, KeySelector.ofFields(0));
    }

    static Row at(String k, long v, long ts) {
        return Row.of(k, v, ts);
    }

    static List<String> ofKey(List<Row> rows, String key) {
        List<String> out = new ArrayList<>();
        rows.stream().filter(r -> key.equals(r.getField(0))).forEach(r -> out.add(r.toString()));
        return out;
    }

    static List<String> strings(List<Row> rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.toString()));
        return out;
    }

    /** Rows out of order, then a watermark: processed in time order. */
    private static OperatorHarness eventTime(OperatorFactory f, String backend) throws Exception {
        OperatorHarness h = OperatorHarness.builder(f).stateBackend(backend).snapshotRestoreAtEveryStep().open();
        h.processElement(at("a", 3, 30)).processElement(at("a", 1, 10)).processElement(at("b", 100, 10))
            .processElement(at("a", 2, 20)).processElement(at("a", 4, 20));
        assertTrue(h.rows().isEmpty(), "rows wait for the watermark");
        h.processWatermark(100);
        // timers of different keys at one time fire in no defined order: check key b apart
        assertEquals(List.of("+I[b, 100, 10, 1, 100]"), ofKey(h.rows(), "b"));
        return h;
    }

    @ParameterizedTest
    @MethodSource("backends")
    void shouldAggregateRowsUnboundedInTimeOrder(String backend) throws Exception {
        try (OperatorHarness h = eventTime(over(true, true, OverAggregateOperator.UNBOUNDED), backend)) {
            assertEquals(List.of("+I[a, 1, 10, 1, 1]", "+I[a, 2, 20, 2, 3]",
                "+I[a, 4, 20, 3, 7]", "+I[a, 3, 30, 4, 10]"), ofKey(h.rows(), "a"));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void shouldGiveRowsOfTheSameTimeTheSameValueWithRangeUnbounded(String backend) throws Exception {
        try (OperatorHarness h = eventTime(over(true, false, OverAggregateOperator.UNBOUNDED), backend)) {
            assertEquals(List.of("+I[a, 1, 10, 1, 1]", "+I[a, 2, 20, 3, 7]",
                "+I[a, 4, 20, 3, 7]", "+I[a, 3, 30, 4, 10]"), ofKey(h.rows(), "a"));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void shouldRetractRowsLeavingARowsFrame(String backend) throws Exception {
        // ROWS BETWEEN 1 PRECEDING AND CURRENT ROW
        try (OperatorHarness h = eventTime(over(true, true, 1), backend)) {
            assertEquals(List.of("+I[a, 1, 10, 1, 1]", "+I[a, 2, 20, 2, 3]",
                "+I[a, 4, 20, 2, 6]", "+I[a, 3, 30, 2, 7]"), ofKey(h.rows(), "a"));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void shouldRetractRowsLeavingARangeFrame(String backend) throws Exception {
        // RANGE BETWEEN INTERVAL '10' MILLISECOND PRECEDING AND CURRENT ROW
        try (OperatorHarness h = eventTime(over(true, false, 10), backend)) {
            assertEquals(List.of("+I[a, 1, 10, 1, 1]", "+I[a, 2, 20, 3, 7]",
                "+I[a, 4, 20, 3, 7]", "+I[a, 3, 30, 3, 9]"), ofKey(h.rows(), "a"));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenRowIsBehindTheWatermark_thenItIsDroppedAndCounted(String backend) throws Exception {
        try (OperatorHarness h = OperatorHarness.builder(over(true, true, OverAggregateOperator.UNBOUNDED))
            .stateBackend(backend).open()) {
            h.processWatermark(50).processElement(at("a", 1, 50)).processElement(at("a", 2, 51)).processWatermark(60);
            assertEquals(List.of("+I[a, 2, 51, 1, 2]"), strings(h.rows()));
            assertEquals(1, h.metrics().lateRecordsDropped());
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void shouldAggregateOnProcessingTimeOnArrival(String backend) throws Exception {
        try (OperatorHarness h = OperatorHarness.builder(over(false, false, 10)).stateBackend(backend)
            .processingTime(100).open()) {
            h.processElement(at("a", 1, 0)).setProcessingTime(105).processElement(at("a", 2, 0))
                .setProcessingTime(111).processElement(at("a", 4, 0));
            assertEquals(List.of("+I[a, 1, 0, 1, 1]", "+I[a, 2, 0, 2, 3]", "+I[a, 4, 0, 2, 6]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void shouldContinueAfterRestoreWithPendingRows(String backend) throws Exception {
        OperatorRestoreState snapshot;
        try (OperatorHarness h = OperatorHarness.builder(over(true, true, 1)).stateBackend(backend).open()) {
            h.processElement(at("a", 1, 10)).processWatermark(10).processElement(at("a", 2, 20));
            snapshot = h.snapshot();
        }
        try (OperatorHarness h = OperatorHarness.builder(over(true, true, 1)).stateBackend(backend)
            .restoreFrom(snapshot).open()) {
            h.processElement(at("a", 9, 5)).processElement(at("a", 4, 30)).processWatermark(40);
            assertEquals(List.of("+I[a, 2, 20, 2, 3]", "+I[a, 4, 30, 2, 6]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenRowsArriveOutOfOrder_thenEveryFrameEqualsBruteForce(String backend) throws Exception {
        for (boolean rows : new boolean[] {true, false}) {
            for (long preceding : new long[] {OverAggregateOperator.UNBOUNDED, 0, 2, 7}) {
                Random random = new Random(5);
                List<Row> input = new ArrayList<>();
                try (OperatorHarness h = OperatorHarness.builder(over(true, rows, preceding)).stateBackend(backend).open()) {
                    long watermark = 0;
                    for (int i = 0; i < 150; i++) {
                        Row r = at("a", i, watermark + 1 + random.nextInt(15));
                        input.add(r);
                        h.processElement(r);
                        if (random.nextInt(6) == 0) {
                            watermark += random.nextInt(5);
                            h.processWatermark(watermark);
                        }
                    }
                    h.processWatermark(Long.MAX_VALUE);
                    assertEquals(bruteForce(input, rows, preceding), strings(h.rows()), (rows ? "ROWS " : "RANGE ") + preceding);
                }
            }
        }
    }

    /** Sorts by time (arrival order among equal times) and aggregates each row's frame directly. */
    private static List<String> bruteForce(List<Row> input, boolean rows, long preceding) {
        List<Row> sorted = new ArrayList<>(input);
        sorted.sort(Comparator.comparingLong(r -> (Long) r.getField(2)));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            long ts = (Long) sorted.get(i).getField(2);
            long count = 0;
            long sum = 0;
            for (int j = 0; j < sorted.size(); j++) {
                long tj = (Long) sorted.get(j).getField(2);
                boolean in = rows
                    ? j <= i && (preceding == OverAggregateOperator.UNBOUNDED || j >= i - preceding)
                    : tj <= ts && (preceding == OverAggregateOperator.UNBOUNDED || tj >= ts - preceding);
                if (in) {
                    count++;
                    sum += (Long) sorted.get(j).getField(1);
                }
            }
            Row r = sorted.get(i);
            out.add("+I" + List.of(r.getField(0), r.getField(1), r.getField(2), count, sum));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenBoundedFrameHasNonRetractableAggregates_thenOpenFails(String backend) {
        OperatorFactory f = OperatorFactory.keyed("over", "over-uid", () -> new OverAggregateOperator(INPUT_TYPE,
            () -> new SumCountAggs(1, false), true, 2, true, 3, StateTtlConfig.DISABLED, UTC),
            KEY_TYPE, KeySelector.ofFields(0));
        Exception e = assertThrows(Exception.class, () -> OperatorHarness.builder(f).stateBackend(backend).open().close());
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IllegalStateException)) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("bounded ROWS frame"), cause.getMessage());
    }
}
