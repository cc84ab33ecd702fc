package io.weir.runtime.operators.sql.over;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.state.StateTtlConfig;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.generated.AggsHandle;
import io.weir.runtime.generated.RecordComparator;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.tasks.OperatorRestoreState;
import io.weir.runtime.testutils.OperatorHarness;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inputs {@code (k STRING, v BIGINT, o BIGINT)} partitioned by {@code k}, ordered by {@code o ASC
 * NULLS FIRST}; output adds {@code COUNT(*), SUM(v)} of the frame.
 */
class RetractOverAggregateOperatorTest {
    static final ZoneId UTC = ZoneId.of("UTC");
    static final RowType KEY_TYPE = RowType.of(new String[] {"k"}, new DataType[] {DataType.string()});
    static final RowType OUTPUT_TYPE = RowType.of(new String[] {"k", "v", "o", "cnt", "s"},
        new DataType[] {DataType.string(), DataType.bigint(), DataType.bigint(), DataType.bigint(), DataType.bigint()});
    static final long UNBOUNDED = RetractOverAggregateOperator.UNBOUNDED;
    /** {@code ORDER BY o ASC NULLS FIRST}: a hand-written stand-in for a generated comparator. */
    static final RecordComparator O_ASC = (a, b) -> {
        Long x = (Long) a.getField(2);
        Long y = (Long) b.getField(2);
        return x == null ? (y == null ? 0 : -1) : y == null ? 1 : Long.compare(x, y);
    };

    static Stream<String> backends() {
        return Stream.of("hashmap", "rocksdb");
    }

    static OperatorFactory over(boolean rows, long preceding) {
        return over(rows, preceding, () -> new SumCountAggs(1, false));
    }

    static OperatorFactory over(boolean rows, long preceding, Supplier<AggsHandle> aggs) {
        RowType out = aggs.get().getValue().arity() == 2 ? OUTPUT_TYPE
            : RowType.of(new String[] {"k", "v", "o", "s"}, new DataType[] {DataType.string(), DataType.bigint(),
                DataType.bigint(), DataType.bigint()});
        return OperatorFactory.keyed("over", "over-uid", () -> new RetractOverAggregateOperator(out, 3, aggs,
            () -> O_ASC, rows, preceding, StateTtlConfig.DISABLED, UTC), KEY_TYPE, KeySelector.ofFields(0));
    }

    static Row in(RowKind kind, String k, long v, Long o) {
        return Row.ofKind(kind, k, v, o);
    }

    static Row ins(String k, long v, Long o) {
        return in(RowKind.INSERT, k, v, o);
    }

    static List<String> strings(List<Row> rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.toString()));
        return out;
    }

    private static List<String> run(OperatorFactory f, String backend, Row... rows) throws Exception {
        try (OperatorHarness h = OperatorHarness.builder(f).stateBackend(backend).snapshotRestoreAtEveryStep().open()) {
            for (Row r : rows) {
                h.processElement(r);
            }
            return strings(h.rows());
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void shouldEmitInsertsWhenRowsArriveInOrder(String backend) throws Exception {
        assertEquals(List.of("+I[a, 1, 10, 1, 1]", "+I[a, 2, 20, 2, 3]", "+I[b, 5, 10, 1, 5]", "+I[a, 4, 30, 2, 6]"),
            run(over(true, 1), backend, ins("a", 1, 10L), ins("a", 2, 20L), ins("b", 5, 10L), ins("a", 4, 30L)));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenRowLandsBeforeOthers_thenTheRowsWhoseFrameHoldsItAreUpdated(String backend) throws Exception {
        // ROWS 1 PRECEDING: only the row right after the new one changes
        assertEquals(List.of("+I[a, 1, 10, 1, 1]", "+I[a, 2, 20, 2, 3]", "+I[a, 4, 30, 2, 6]",
                "+I[a, 8, 15, 2, 9]", "-U[a, 2, 20, 2, 3]", "+U[a, 2, 20, 2, 10]"),
            run(over(true, 1), backend, ins("a", 1, 10L), ins("a", 2, 20L), ins("a", 4, 30L), ins("a", 8, 15L)));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenRowIsRetracted_thenItsOutputIsDeletedAndLaterRowsUpdated(String backend) throws Exception {
        assertEquals(List.of("+I[a, 1, 10, 1, 1]", "+I[a, 2, 20, 2, 3]", "+I[a, 4, 30, 3, 7]",
                "-D[a, 1, 10, 1, 1]", "-U[a, 2, 20, 2, 3]", "+U[a, 2, 20, 1, 2]", "-U[a, 4, 30, 3, 7]",
                "+U[a, 4, 30, 2, 6]"),
            run(over(true, UNBOUNDED), backend, ins("a", 1, 10L), ins("a", 2, 20L), ins("a", 4, 30L),
                in(RowKind.DELETE, "a", 1, 10L)));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenUpdateMovesARowAcrossPositions_thenBothPositionsAreRecomputed(String backend) throws Exception {
        // ROWS 1 PRECEDING; (a, 1, 10) moves to o = 40: -U removes it, +U inserts it at the end
        assertEquals(List.of("+I[a, 1, 10, 1, 1]", "+I[a, 2, 20, 2, 3]", "+I[a, 4, 30, 2, 6]",
                "-D[a, 1, 10, 1, 1]", "-U[a, 2, 20, 2, 3]", "+U[a, 2, 20, 1, 2]", "+I[a, 1, 40, 2, 5]"),
            run(over(true, 1), backend, ins("a", 1, 10L), ins("a", 2, 20L), ins("a", 4, 30L),
                in(RowKind.UPDATE_BEFORE, "a", 1, 10L), in(RowKind.UPDATE_AFTER, "a", 1, 40L)));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenRowsTie_thenRowsFramesFollowArrivalAndRangeFramesIncludePeers(String backend) throws Exception {
        Row[] input = {ins("a", 1, 10L), ins("a", 2, 10L), ins("a", 4, 20L)};
        assertEquals(List.of("+I[a, 1, 10, 1, 1]", "+I[a, 2, 10, 2, 3]", "+I[a, 4, 20, 3, 7]"),
            run(over(true, UNBOUNDED), backend, input));
        assertEquals(List.of("+I[a, 1, 10, 1, 1]", "-U[a, 1, 10, 1, 1]", "+U[a, 1, 10, 2, 3]", "+I[a, 2, 10, 2, 3]",
            "+I[a, 4, 20, 3, 7]"), run(over(false, UNBOUNDED), backend, input));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenOrderKeyIsNull_thenTheRowSortsFirst(String backend) throws Exception {
        assertEquals(List.of("+I[a, 1, 10, 1, 1]", "+I[a, 2, null, 1, 2]", "-U[a, 1, 10, 1, 1]", "+U[a, 1, 10, 2, 3]"),
            run(over(false, UNBOUNDED), backend, ins("a", 1, 10L), ins("a", 2, null)));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenFrameChangesButValuesDoNot_thenNothingIsEmitted(String backend) throws Exception {
        // SUM only: a row of v = 0 changes every later frame but none of their sums
        assertEquals(List.of("+I[a, 1, 10, 1]", "+I[a, 2, 20, 3]", "+I[a, 0, 5, 0]"),
            run(over(true, UNBOUNDED, SumOnly::new), backend, ins("a", 1, 10L), ins("a", 2, 20L), ins("a", 0, 5L)));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenRetractedRowIsUnknown_thenItIsIgnored(String backend) throws Exception {
        assertEquals(List.of("+I[a, 1, 10, 1, 1]"),
            run(over(true, 2), backend, ins("a", 1, 10L), in(RowKind.DELETE, "a", 9, 10L),
                in(RowKind.DELETE, "b", 1, 10L)));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void shouldContinueAfterRestore(String backend) throws Exception {
        OperatorRestoreState snapshot;
        try (OperatorHarness h = OperatorHarness.builder(over(true, 1)).stateBackend(backend).open()) {
            h.processElement(ins("a", 1, 10L)).processElement(ins("a", 2, 20L));
            snapshot = h.snapshot();
        }
        try (OperatorHarness h = OperatorHarness.builder(over(true, 1)).stateBackend(backend).restoreFrom(snapshot)
            .open()) {
            h.processElement(in(RowKind.DELETE, "a", 1, 10L)).processElement(ins("a", 4, 30L));
            assertEquals(List.of("-D[a, 1, 10, 1, 1]", "-U[a, 2, 20, 2, 3]", "+U[a, 2, 20, 1, 2]",
                "+I[a, 4, 30, 2, 6]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenPartitionEmpties_thenItsStateIsCleared(String backend) throws Exception {
        try (OperatorHarness h = OperatorHarness.builder(over(false, UNBOUNDED)).stateBackend(backend).open()) {
            h.processElement(ins("a", 1, 10L)).processElement(in(RowKind.DELETE, "a", 1, 10L));
            assertEquals(List.of("+I[a, 1, 10, 1, 1]", "-D[a, 1, 10, 1, 1]"), strings(h.rows()));
            h.processElement(ins("a", 3, 10L));
            assertTrue(strings(h.rows()).contains("+I[a, 3, 10, 1, 3]"));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenStateTtlExpires_thenThePartitionStartsAgainAndStaleRetractionsAreIgnored(String backend)
        throws Exception {
        OperatorFactory f = OperatorFactory.keyed("over", "over-uid", () -> new RetractOverAggregateOperator(
            OUTPUT_TYPE, 3, () -> new SumCountAggs(1, false), () -> O_ASC, true, UNBOUNDED,
            StateTtlConfig.of(Duration.ofMillis(1000)), UTC), KEY_TYPE, KeySelector.ofFields(0));
        try (OperatorHarness h = OperatorHarness.builder(f).stateBackend(backend).open()) {
            h.processElement(ins("a", 1, 10L));
            Thread.sleep(1300); // TTL runs on the wall clock; long enough for a loaded machine
            h.processElement(in(RowKind.DELETE, "a", 1, 10L)).processElement(ins("a", 2, 20L));
            assertEquals(List.of("+I[a, 1, 10, 1, 1]", "+I[a, 2, 20, 1, 2]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenFrameIsNotSupported_thenFactoryFails(String backend) {
        Exception e = assertThrows(IllegalArgumentException.class, () -> RetractOverAggregateOperator.factory("over",
            "uid", KeySelector.ofFields(0), KEY_TYPE, OUTPUT_TYPE, 3, null, null, false, 10, StateTtlConfig.DISABLED,
            UTC));
        assertTrue(e.getMessage().startsWith("not supported yet"), e.getMessage());
    }

    /** {@code SUM(v)} only, without retraction. */
    static final class SumOnly implements AggsHandle {
        private final SumCountAggs inner = new SumCountAggs(1, false);

        @Override public RowType accumulatorType() { return inner.accumulatorType(); }
        @Override public Row createAccumulators() { return inner.createAccumulators(); }
        @Override public void setAccumulators(Row acc) { inner.setAccumulators(acc); }
        @Override public Row getAccumulators() { return inner.getAccumulators(); }
        @Override public void resetAccumulators() { inner.resetAccumulators(); }
        @Override public void accumulate(Row input) { inner.accumulate(input); }
        @Override public void retract(Row input) { inner.retract(input); }
        @Override public void merge(Row other) { inner.merge(other); }
        @Override public Row getValue() { return Row.of(inner.getValue().getField(1)); }
        @Override public long recordCount() { return inner.recordCount(); }
        @Override public boolean supportsRetract() { return false; }
    }
}
