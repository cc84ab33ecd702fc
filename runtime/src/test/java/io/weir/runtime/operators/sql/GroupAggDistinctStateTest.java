package io.weir.runtime.operators.sql;

import static io.weir.runtime.operators.sql.SqlOperatorTesting.UTC;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.harness;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.insert;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.keyedByK;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.row;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.StreamOperator;
import io.weir.runtime.tasks.OperatorRestoreState;
import io.weir.runtime.testutils.OperatorHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DISTINCT value counts kept in keyed map state ({@link DistinctStateStore}) give exactly the
 * changelog of counts kept in the accumulator row, with FILTER and retractions, on both backends,
 * with the write-back cache, across snapshot/restore, and in the mini-batch operator.
 */
class GroupAggDistinctStateTest {

    /** Random inserts and deletes over 8 groups, plus retractions of values a group never had. */
    private static List<Row> input(int n) {
        Random random = new Random(7);
        List<Row> input = new ArrayList<>();
        Map<String, List<Long>> live = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String k = "k" + random.nextInt(8);
            List<Long> values = live.computeIfAbsent(k, x -> new ArrayList<>());
            int dice = random.nextInt(10);
            if (dice == 0) {
                input.add(row(RowKind.UPDATE_BEFORE, k, 100L + random.nextInt(3), 0));
            } else if (!values.isEmpty() && dice < 5) {
                input.add(row(RowKind.DELETE, k, values.remove(random.nextInt(values.size())), 0));
            } else {
                long v = random.nextInt(10);
                values.add(v);
                input.add(insert(k, v));
            }
        }
        return input;
    }

    private static List<String> run(Supplier<? extends StreamOperator> op, String backend, boolean restore,
                                     List<Row> input) throws Exception {
        try (OperatorHarness h = harness(keyedByK(op), backend, restore)) {
            for (Row r : input) {
                h.processElement(r);
            }
            h.endInput();
            return strings(h.rows());
        }
    }

    private static Supplier<StreamOperator> plain(boolean offersStore, int cachedGroups, List<DistinctCountAggs> made) {
        return () -> new GroupAggOperator(() -> {
            DistinctCountAggs a = new DistinctCountAggs(1, offersStore);
            made.add(a);
            return a;
        }, true, Duration.ZERO, UTC, cachedGroups);
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenDistinctCountsAreInState_thenChangelogEqualsCountsInAccumulators(String backend) throws Exception {
        List<Row> input = input(600);
        List<DistinctCountAggs> made = new ArrayList<>();
        List<String> expected = run(plain(false, 0, made), backend, false, input);
        assertFalse(expected.isEmpty());
        assertEquals(expected, run(plain(true, 0, made), backend, false, input), "store, no cache");
        assertEquals(backend.equals("rocksdb"), made.get(made.size() - 1).store != null,
            "a store on RocksDB; on the heap the counts stay in the accumulators");
        assertEquals(expected, run(plain(true, 3, made), backend, false, input), "store, small write-back caches");
        assertEquals(expected, run(plain(true, 1000, made), backend, false, input), "store, nothing evicted");
        List<Row> prefix = input.subList(0, 40);
        assertEquals(run(plain(false, 0, made), backend, true, prefix), run(plain(true, 3, made), backend, true, prefix),
            "snapshot and restore into a new operator at every step");
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenMiniBatched_thenChangelogEqualsCountsInAccumulators(String backend) throws Exception {
        List<Row> input = input(300);
        MiniBatch batch = MiniBatch.of(Duration.ZERO, 7);
        Supplier<StreamOperator> inAcc = () -> new MiniBatchGroupAggOperator(() -> new DistinctCountAggs(1, false), true,
            Duration.ZERO, batch, UTC);
        Supplier<StreamOperator> inState = () -> new MiniBatchGroupAggOperator(() -> new DistinctCountAggs(1, true), true,
            Duration.ZERO, batch, UTC);
        assertEquals(run(inAcc, backend, false, input), run(inState, backend, false, input));
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenStateTtlIsSet_thenCountsStayInTheAccumulatorsAndExpireWithTheGroup(String backend) throws Exception {
        List<DistinctCountAggs> made = new ArrayList<>();
        OperatorFactory f = keyedByK(() -> new GroupAggOperator(() -> {
            DistinctCountAggs a = new DistinctCountAggs(1, true);
            made.add(a);
            return a;
        }, true, Duration.ofHours(1), UTC));
        try (OperatorHarness h = harness(f, backend, false)) {
            h.processElement(insert("a", 2)).processElement(insert("a", 2)).processElement(insert("a", 3));
            assertEquals(List.of("+I[a, 1, 1]", "-U[a, 1, 1]", "+U[a, 1, 1]", "-U[a, 1, 1]", "+U[a, 2, 1]"),
                strings(h.rows()), "with TTL unchanged results are emitted too");
        }
        assertNull(made.get(0).store, "no store with TTL: entries would expire apart from their group");
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenRestoredFromAMidStreamCheckpoint_thenContinuesExactlyAsTheOriginal(String backend) throws Exception {
        List<Row> input = input(400);
        for (int cached : new int[] {3, 1000}) {
            List<DistinctCountAggs> made = new ArrayList<>();
            OperatorFactory f = keyedByK(plain(true, cached, made));
            OperatorRestoreState checkpoint = null;
            List<String> after;
            try (OperatorHarness h = harness(f, backend, false)) {
                int mark = 0;
                for (int i = 0; i < input.size(); i++) {
                    h.processElement(input.get(i));
                    if (i == 150 || i == 250) {
                        checkpoint = h.snapshot(); // the second one restores; the first leaves clean entries behind
                        mark = h.rows().size();
                    }
                }
                after = strings(h.rows().subList(mark, h.rows().size()));
            }
            try (OperatorHarness h = OperatorHarness.builder(f).stateBackend(backend).restoreFrom(checkpoint).open()) {
                for (Row r : input.subList(251, input.size())) {
                    h.processElement(r);
                }
                assertEquals(after, strings(h.rows()), "cache capacity " + cached);
            }
        }
    }
}
