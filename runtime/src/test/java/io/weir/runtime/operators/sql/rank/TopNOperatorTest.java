package io.weir.runtime.operators.sql.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.checkpoint.state.StateTtlConfig;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.generated.RecordComparator;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.StreamOperator;
import io.weir.runtime.tasks.OperatorRestoreState;
import io.weir.runtime.testutils.OperatorHarness;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Inputs {@code (k STRING, v BIGINT, ts BIGINT)}, partitioned by {@code k}, ordered by {@code v DESC}. */
class TopNOperatorTest {
    static final ZoneId UTC = ZoneId.of("UTC");
    static final RowType KEY_TYPE = RowType.of(new String[] {"k"}, new DataType[] {DataType.string()});
    static final RowType INPUT_TYPE = RowType.of(new String[] {"k", "v", "ts"},
        new DataType[] {DataType.string(), DataType.bigint(), DataType.bigint()});
    /** {@code ORDER BY v DESC}: a hand-written stand-in for a generated comparator. */
    static final RecordComparator V_DESC = (a, b) -> Long.compare((Long) b.getField(1), (Long) a.getField(1));

    static Stream<String> backends() {
        return Stream.of("hashmap", "rocksdb");
    }

    static OperatorFactory keyed(Supplier<? extends StreamOperator> op) {
        return OperatorFactory.keyed("topn", "topn-uid", op, KEY_TYPE, KeySelector.ofFields(0));
    }

    private static OperatorFactory topN(RankType type, long start, long end, boolean rankNumber, boolean insertOnly) {
        return keyed(() -> new TopNOperator(INPUT_TYPE, () -> V_DESC, type, start, end, rankNumber, insertOnly,
            StateTtlConfig.DISABLED, UTC));
    }

    static Row at(String k, long v, long ts) {
        return Row.of(k, v, ts);
    }

    static List<String> strings(List<Row> rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.toString()));
        return out;
    }

    private static OperatorHarness run(OperatorFactory f, String backend, Row... rows) throws Exception {
        OperatorHarness h = OperatorHarness.builder(f).stateBackend(backend).snapshotRestoreAtEveryStep().open();
        for (Row r : rows) {
            h.processElement(r);
        }
        return h;
    }

    @ParameterizedTest
    @MethodSource("backends")
    void shouldUpdateRankPositionsWithRowNumber(String backend) throws Exception {
        try (OperatorHarness h = run(topN(RankType.ROW_NUMBER, 1, 2, true, true), backend,
            at("a", 5, 0), at("a", 7, 0), at("b", 1, 0), at("a", 6, 0), at("a", 1, 0))) {
            assertEquals(List.of("+I[a, 5, 0, 1]", "-U[a, 5, 0, 1]", "+U[a, 7, 0, 1]", "+I[a, 5, 0, 2]",
                "+I[b, 1, 0, 1]", "-U[a, 5, 0, 2]", "+U[a, 6, 0, 2]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenRankColumnIsNotOutput_thenOnlyEnteringAndLeavingRowsAreEmitted(String backend) throws Exception {
        try (OperatorHarness h = run(topN(RankType.ROW_NUMBER, 1, 2, false, true), backend,
            at("a", 5, 0), at("a", 7, 0), at("a", 6, 0), at("a", 1, 0))) {
            assertEquals(List.of("+I[a, 5, 0]", "+I[a, 7, 0]", "-D[a, 5, 0]", "+I[a, 6, 0]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenTopRowIsRetracted_thenLowerRowsMoveUp(String backend) throws Exception {
        try (OperatorHarness h = run(topN(RankType.ROW_NUMBER, 1, 2, true, false), backend,
            at("a", 5, 0), at("a", 7, 0), at("a", 6, 0), Row.ofKind(RowKind.DELETE, "a", 7L, 0L))) {
            List<String> out = strings(h.rows());
            assertEquals(List.of("-U[a, 7, 0, 1]", "+U[a, 6, 0, 1]", "-U[a, 6, 0, 2]", "+U[a, 5, 0, 2]"),
                out.subList(out.size() - 4, out.size()));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void shouldShareRanksOfTiesWithRankAndDenseRank(String backend) throws Exception {
        try (OperatorHarness h = run(topN(RankType.RANK, 1, 2, true, true), backend,
            at("a", 7, 1), at("a", 7, 2), at("a", 5, 3), at("a", 9, 4))) {
            assertEquals(List.of("+I[a, 7, 1, 1]", "+I[a, 7, 2, 1]", "-D[a, 7, 1, 1]", "-D[a, 7, 2, 1]",
                "+I[a, 9, 4, 1]", "+I[a, 7, 1, 2]", "+I[a, 7, 2, 2]"), strings(h.rows()));
        }
        try (OperatorHarness h = run(topN(RankType.DENSE_RANK, 1, 2, true, true), backend,
            at("a", 7, 1), at("a", 7, 2), at("a", 5, 3), at("a", 9, 4))) {
            assertEquals(List.of("+I[a, 7, 1, 1]", "+I[a, 7, 2, 1]", "+I[a, 5, 3, 2]", "-D[a, 7, 1, 1]",
                "-D[a, 7, 2, 1]", "-D[a, 5, 3, 2]", "+I[a, 9, 4, 1]", "+I[a, 7, 1, 2]", "+I[a, 7, 2, 2]"),
                strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void shouldEmitOnlyTheRankRangeBetweenStartAndEnd(String backend) throws Exception {
        try (OperatorHarness h = run(topN(RankType.ROW_NUMBER, 2, 3, false, true), backend,
            at("a", 5, 0), at("a", 7, 0), at("a", 9, 0))) {
            // [5] ranks 5 first (not emitted); [7, 5] brings 5 in at 2; [9, 7, 5] brings 7 in, 5 stays at 3
            assertEquals(List.of("+I[a, 5, 0]", "+I[a, 7, 0]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void shouldContinueAfterRestoreIntoAFreshOperatorInTheMiddleOfATopN(String backend) throws Exception {
        OperatorFactory f = topN(RankType.ROW_NUMBER, 1, 2, true, false);
        OperatorRestoreState snapshot;
        try (OperatorHarness h = OperatorHarness.builder(f).stateBackend(backend).open()) {
            h.processElement(at("a", 5, 0)).processElement(at("a", 7, 0)).processElement(at("a", 3, 0));
            snapshot = h.snapshot();
        }
        try (OperatorHarness h = OperatorHarness.builder(f).stateBackend(backend).restoreFrom(snapshot).open()) {
            h.processElement(Row.ofKind(RowKind.DELETE, "a", 5L, 0L));
            assertEquals(List.of("-U[a, 5, 0, 2]", "+U[a, 3, 0, 2]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenInputUpdatesRandomly_thenMaterializedOutputEqualsRankingOfFinalTable(String backend) throws Exception {
        for (RankType type : RankType.values()) {
            for (boolean rankNumber : new boolean[] {true, false}) {
                Random random = new Random(7);
                List<Row> live = new ArrayList<>();
                try (OperatorHarness h = OperatorHarness.builder(topN(type, 2, 4, rankNumber, false))
                    .stateBackend(backend).open()) {
                    for (int i = 0; i < 200; i++) {
                        if (!live.isEmpty() && random.nextInt(3) == 0) {
                            Row victim = live.remove(random.nextInt(live.size()));
                            h.processElement(victim.withKind(RowKind.DELETE));
                        } else {
                            Row r = at("a", random.nextInt(8), i);
                            live.add(r);
                            h.processElement(r);
                        }
                    }
                    assertEquals(expected(live, type, 2, 4, rankNumber), materialize(h.rows()), type + " " + rankNumber);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenInputIsInsertOnly_thenMaterializedOutputEqualsRankingOfAllRows(String backend) throws Exception {
        for (RankType type : RankType.values()) {
            for (boolean rankNumber : new boolean[] {true, false}) {
                Random random = new Random(3);
                List<Row> all = new ArrayList<>();
                try (OperatorHarness h = OperatorHarness.builder(topN(type, 1, 3, rankNumber, true))
                    .stateBackend(backend).open()) {
                    for (int i = 0; i < 200; i++) {
                        Row r = at("a", random.nextInt(40), i);
                        all.add(r);
                        h.processElement(r);
                    }
                    assertEquals(expected(all, type, 1, 3, rankNumber), materialize(h.rows()), type + " " + rankNumber);
                }
            }
        }
    }

    /** Brute force: stable-sort the live rows (arrival order among ties) and rank them. */
    private static List<String> expected(List<Row> live, RankType type, long start, long end, boolean rankNumber) {
        List<Row> sorted = new ArrayList<>(live);
        sorted.sort(V_DESC);
        List<String> out = new ArrayList<>();
        long dense = 0;
        long rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            boolean tie = i > 0 && V_DESC.compare(sorted.get(i - 1), sorted.get(i)) == 0;
            dense = tie ? dense : dense + 1;
            rank = type == RankType.ROW_NUMBER ? i + 1 : type == RankType.RANK ? (tie ? rank : i + 1) : dense;
            if (rank >= start && rank <= end) {
                Row r = sorted.get(i);
                out.add(rankNumber ? List.of(r.getField(0), r.getField(1), r.getField(2), rank).toString()
                    : List.of(r.getField(0), r.getField(1), r.getField(2)).toString());
            }
        }
        out.sort(null);
        return out;
    }

    private static List<String> materialize(List<Row> changelog) {
        List<String> table = new ArrayList<>();
        for (Row r : changelog) {
            String text = r.toString().substring(2);
            if (r.getKind().isAccumulate()) {
                table.add(text);
            } else if (!table.remove(text)) {
                throw new AssertionError("retraction of a row that is not there: " + r);
            }
        }
        table.sort(null);
        return table;
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenStateTtlExpires_thenThePartitionStartsAgain(String backend) throws Exception {
        OperatorFactory f = keyed(() -> new TopNOperator(INPUT_TYPE, () -> V_DESC, RankType.ROW_NUMBER, 1, 1, false,
            true, StateTtlConfig.of(Duration.ofMillis(1000)), UTC));
        try (OperatorHarness h = OperatorHarness.builder(f).stateBackend(backend).open()) {
            h.processElement(at("a", 9, 0)).processElement(at("a", 5, 0));
            Thread.sleep(1300); // TTL runs on the wall clock; long enough for a loaded machine
            h.processElement(at("a", 5, 0));
            assertEquals(List.of("+I[a, 9, 0]", "+I[a, 5, 0]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void shouldRankEachWindowAtItsEnd(String backend) throws Exception {
        // (k, v, window_end)
        OperatorFactory f = keyed(() -> new WindowTopNOperator(INPUT_TYPE, () -> V_DESC, RankType.ROW_NUMBER, 1, 2,
            true, 2, true, UTC));
        try (OperatorHarness h = OperatorHarness.builder(f).stateBackend(backend).snapshotRestoreAtEveryStep().open()) {
            h.processElement(at("a", 5, 10)).processElement(at("a", 9, 10)).processElement(at("a", 7, 10))
                .processElement(at("a", 1, 20)).processWatermark(9);
            assertEquals(List.of("+I[a, 9, 10, 1]", "+I[a, 7, 10, 2]"), strings(h.rows()));
            h.processElement(at("a", 8, 10)).processWatermark(19);
            assertEquals(List.of("+I[a, 9, 10, 1]", "+I[a, 7, 10, 2]", "+I[a, 1, 20, 1]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenWriteBackCacheEvictsAndCheckpoints_thenOutputEqualsUncached(String backend) throws Exception {
        Random random = new Random(11);
        List<Row> input = new ArrayList<>();
        List<Row> live = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            if (!live.isEmpty() && random.nextInt(3) == 0) {
                input.add(live.remove(random.nextInt(live.size())).withKind(RowKind.DELETE));
            } else {
                Row r = at("k" + random.nextInt(9), random.nextInt(20), i);
                live.add(r);
                input.add(r);
            }
        }
        for (boolean insertOnly : new boolean[] {false, true}) {
            List<Row> rows = insertOnly ? input.stream().filter(r -> r.getKind() == RowKind.INSERT).toList() : input;
            assertEquals(cachedRun(0, insertOnly, backend, false, rows), cachedRun(2, insertOnly, backend, false, rows));
            List<Row> prefix = rows.subList(0, 16);
            assertEquals(cachedRun(0, insertOnly, backend, true, prefix), cachedRun(2, insertOnly, backend, true, prefix),
                "restoreEveryStep, insertOnly=" + insertOnly);
        }
    }

    private static List<String> cachedRun(int cachedPartitions, boolean insertOnly, String backend, boolean restore,
                                          List<Row> rows) throws Exception {
        OperatorFactory f = keyed(() -> new TopNOperator(INPUT_TYPE, () -> V_DESC, RankType.ROW_NUMBER, 1, 3, true,
            insertOnly, StateTtlConfig.DISABLED, UTC, cachedPartitions));
        OperatorHarness.Builder b = OperatorHarness.builder(f).stateBackend(backend);
        try (OperatorHarness h = (restore ? b.snapshotRestoreAtEveryStep() : b).open()) {
            for (Row r : rows) {
                h.processElement(r);
            }
            return strings(h.rows());
        }
    }
}
