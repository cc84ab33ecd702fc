package io.weir.runtime.operators.sql;

import static io.weir.runtime.operators.sql.SqlOperatorTesting.UTC;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.harness;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.insert;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.keyedByK;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.row;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.runtime.data.RowKind;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.tasks.OperatorRestoreState;
import io.weir.runtime.testutils.OperatorHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GroupAggOperatorTest {

    private static OperatorFactory groupAgg(boolean updateBefore) {
        return keyedByK(() -> new GroupAggOperator(() -> new TestAggs(1), updateBefore, Duration.ZERO, UTC));
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void shouldEmitInsertThenRetractAndUpdate(String backend) throws Exception {
        for (boolean restore : new boolean[] {false, true}) {
            try (OperatorHarness h = harness(groupAgg(true), backend, restore)) {
                h.processElement(insert("a", 5)).processElement(insert("b", 1)).processElement(insert("a", 3));
                assertEquals(List.of("+I[a, 1, 5, 5]", "+I[b, 1, 1, 1]", "-U[a, 1, 5, 5]", "+U[a, 2, 8, 3]"),
                    strings(h.rows()), "restoreEveryStep=" + restore);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenInputRetracts_thenMinStaysCorrectAndEmptyGroupIsDeleted(String backend) throws Exception {
        for (boolean restore : new boolean[] {false, true}) {
            try (OperatorHarness h = harness(groupAgg(true), backend, restore)) {
                h.processElement(insert("a", 5)).processElement(insert("a", 3))
                    .processElement(row(RowKind.UPDATE_BEFORE, "a", 3L, 0))
                    .processElement(row(RowKind.DELETE, "a", 5L, 0))
                    .processElement(insert("a", 7));
                assertEquals(List.of("+I[a, 1, 5, 5]", "-U[a, 1, 5, 5]", "+U[a, 2, 8, 3]",
                    "-U[a, 2, 8, 3]", "+U[a, 1, 5, 5]", "-D[a, 1, 5, 5]", "+I[a, 1, 7, 7]"), strings(h.rows()));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenUpsertOutput_thenNoUpdateBeforeAndUnchangedResultsAreSkipped(String backend) throws Exception {
        OperatorFactory f = keyedByK(() -> new GroupAggOperator(() -> new MaxOnlyAggs(), false, Duration.ZERO, UTC));
        try (OperatorHarness h = harness(f, backend, false)) {
            h.processElement(insert("a", 5)).processElement(insert("a", 3)).processElement(insert("a", 9));
            assertEquals(List.of("+I[a, 5]", "+U[a, 9]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenRetractionArrivesForUnknownGroup_thenItIsIgnored(String backend) throws Exception {
        try (OperatorHarness h = harness(groupAgg(true), backend, false)) {
            h.processElement(row(RowKind.DELETE, "z", 1L, 0)).processElement(insert("z", 2));
            assertEquals(List.of("+I[z, 1, 2, 2]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void shouldContinueUnchangedAfterRestoreIntoFreshOperator(String backend) throws Exception {
        OperatorRestoreState snapshot;
        try (OperatorHarness h = harness(groupAgg(true), backend, false)) {
            h.processElement(insert("a", 5)).processElement(insert("b", 2));
            snapshot = h.snapshot();
            h.processElement(insert("a", 1));
            assertEquals("+U[a, 2, 6, 1]", h.rows().get(h.rows().size() - 1).toString());
        }
        try (OperatorHarness h = OperatorHarness.builder(groupAgg(true)).stateBackend(backend).restoreFrom(snapshot).open()) {
            h.processElement(insert("a", 1)).processElement(row(RowKind.DELETE, "b", 2L, 0));
            assertEquals(List.of("-U[a, 1, 5, 5]", "+U[a, 2, 6, 1]", "-D[b, 1, 2, 2]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenStateTtlExpires_thenGroupStartsAgainAndUnchangedResultsAreEmitted(String backend) throws Exception {
        // TTL runs on the wall clock: long enough that a loaded machine cannot expire the state
        // between two consecutive rows, short enough for a test
        OperatorFactory f = keyedByK(() -> new GroupAggOperator(() -> new MaxOnlyAggs(), true, Duration.ofMillis(2000), UTC));
        try (OperatorHarness h = harness(f, backend, false)) {
            h.processElement(insert("a", 5)).processElement(insert("b", 1)).processElement(insert("a", 3));
            // with TTL an unchanged result is still emitted, so downstream state keyed by it is refreshed (as in Flink)
            assertEquals(List.of("+I[a, 5]", "+I[b, 1]", "-U[a, 5]", "+U[a, 5]"), strings(h.rows()));
            Thread.sleep(2300);
            h.processElement(insert("b", 0)).processElement(insert("a", 1));
            assertEquals(List.of("+I[b, 0]", "+I[a, 1]"), strings(h.rows().subList(4, h.rows().size())));
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenWriteBackCacheEvictsAndCheckpoints_thenOutputEqualsUncached(String backend) throws Exception {
        java.util.Random random = new java.util.Random(42);
        List<io.weir.runtime.data.Row> input = new java.util.ArrayList<>();
        java.util.Map<String, java.util.List<Long>> live = new java.util.HashMap<>();
        for (int i = 0; i < 400; i++) {
            String k = "k" + random.nextInt(12);
            List<Long> values = live.computeIfAbsent(k, x -> new java.util.ArrayList<>());
            if (!values.isEmpty() && random.nextInt(3) == 0) {
                input.add(row(RowKind.DELETE, k, values.remove(random.nextInt(values.size())), 0));
            } else {
                long v = random.nextInt(100);
                values.add(v);
                input.add(insert(k, v));
            }
        }
        assertEquals(run(0, backend, false, input), run(3, backend, false, input));
        // restoring at every step is slow on RocksDB: a prefix is enough to cover flush-then-restore
        List<io.weir.runtime.data.Row> prefix = input.subList(0, 16);
        assertEquals(run(0, backend, true, prefix), run(3, backend, true, prefix), "restoreEveryStep");
    }

    private static List<String> run(int cachedGroups, String backend, boolean restore, List<io.weir.runtime.data.Row> input)
        throws Exception {
        OperatorFactory f = keyedByK(() -> new GroupAggOperator(() -> new TestAggs(1), true, Duration.ZERO, UTC, cachedGroups));
        try (OperatorHarness h = harness(f, backend, restore)) {
            for (io.weir.runtime.data.Row r : input) {
                h.processElement(r);
            }
            return strings(h.rows());
        }
    }
}
