package io.weir.runtime.operators.sql.over;

import static io.weir.runtime.operators.sql.over.RetractOverAggregateOperatorTest.KEY_TYPE;
import static io.weir.runtime.operators.sql.over.RetractOverAggregateOperatorTest.OUTPUT_TYPE;
import static io.weir.runtime.operators.sql.over.RetractOverAggregateOperatorTest.O_ASC;
import static io.weir.runtime.operators.sql.over.RetractOverAggregateOperatorTest.UTC;
import static io.weir.runtime.operators.sql.over.RetractOverAggregateOperatorTest.UNBOUNDED;
import static io.weir.runtime.operators.sql.over.RetractOverAggregateOperatorTest.over;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.state.StateTtlConfig;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.testutils.OperatorHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random inserts, deletes and updates (with ties and NULL order keys) against the operator; the
 * materialized output must equal a batch OVER (brute force) over the final input, with ties in
 * arrival order.
 */
class RetractOverAggregateRandomizedTest {

    static Stream<String> backends() {
        return Stream.of("hashmap", "rocksdb");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenInputChangesRandomly_thenMaterializedOutputEqualsBruteForce(String backend) throws Exception {
        for (boolean rows : new boolean[] {true, false}) {
            for (long preceding : rows ? new long[] {0, 1, 3, UNBOUNDED} : new long[] {UNBOUNDED}) {
                for (long seed = 1; seed <= 3; seed++) {
                    check(backend, rows, preceding, seed, false);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenWriteBackCacheEvictsOften_thenMaterializedOutputEqualsBruteForce(String backend) throws Exception {
        // capacity 1 over 3 partitions: almost every row evicts (RocksDB); 0 disables the cache
        for (int capacity : new int[] {0, 1}) {
            OperatorFactory f = OperatorFactory.keyed("over", "over-uid", () -> new RetractOverAggregateOperator(
                OUTPUT_TYPE, 3, () -> new SumCountAggs(1, false), () -> O_ASC, true, 2, StateTtlConfig.DISABLED,
                UTC, capacity), KEY_TYPE, KeySelector.ofFields(0));
            check(OperatorHarness.builder(f).stateBackend(backend), true, 2, 11, 300);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenSnapshotRestoredAtEveryStep_thenMaterializedOutputEqualsBruteForce(String backend) throws Exception {
        check(backend, true, 2, 7, true);
        check(backend, false, UNBOUNDED, 8, true);
    }

    private static void check(String backend, boolean rows, long preceding, long seed, boolean restoreEveryStep)
        throws Exception {
        OperatorHarness.Builder b = OperatorHarness.builder(over(rows, preceding)).stateBackend(backend);
        if (restoreEveryStep) {
            b.snapshotRestoreAtEveryStep();
        }
        // a RocksDB restore takes ~0.1 s
        check(b, rows, preceding, seed, !restoreEveryStep ? 300 : "rocksdb".equals(backend) ? 15 : 60);
    }

    private static void check(OperatorHarness.Builder b, boolean rows, long preceding, long seed, int steps)
        throws Exception {
        Random random = new Random(seed);
        List<Row> live = new ArrayList<>();
        try (OperatorHarness h = b.open()) {
            for (int i = 0; i < steps; i++) {
                int op = random.nextInt(4);
                if (op == 0 && !live.isEmpty()) {
                    h.processElement(retract(live, random).withKind(RowKind.DELETE));
                } else if (op == 1 && !live.isEmpty()) {
                    Row old = retract(live, random);
                    Row now = randomRow(random, (String) old.getField(0));
                    h.processElement(old.withKind(RowKind.UPDATE_BEFORE));
                    h.processElement(now.withKind(RowKind.UPDATE_AFTER));
                    live.add(now);
                } else {
                    Row r = randomRow(random, "k" + random.nextInt(3));
                    h.processElement(r);
                    live.add(r);
                }
            }
            String what = (rows ? "ROWS " : "RANGE ") + preceding + " seed " + seed;
            assertEquals(bruteForce(live, rows, preceding), materialize(h.rows()), what);
        }
    }

    /** Picks a live row and removes the earliest-arrived row equal to it, as the operator does. */
    private static Row retract(List<Row> live, Random random) {
        Row picked = live.get(random.nextInt(live.size()));
        for (int i = 0; i < live.size(); i++) {
            if (live.get(i).fieldsEqual(picked)) {
                return live.remove(i);
            }
        }
        throw new AssertionError("unreachable");
    }

    private static Row randomRow(Random random, String key) {
        Long o = random.nextInt(8) == 0 ? null : (long) random.nextInt(12);
        return Row.of(key, (long) random.nextInt(5), o);
    }

    /** The output changelog applied to a multiset of rows; every retraction must remove a row that is there. */
    private static Map<String, Integer> materialize(List<Row> changelog) {
        Map<String, Integer> table = new TreeMap<>();
        for (Row r : changelog) {
            String row = r.withKind(RowKind.INSERT).toString();
            if (r.getKind().isAccumulate()) {
                table.merge(row, 1, Integer::sum);
            } else {
                Integer n = table.get(row);
                assertTrue(n != null, "retraction of a row that is not there: " + r);
                if (n == 1) {
                    table.remove(row);
                } else {
                    table.put(row, n - 1);
                }
            }
        }
        return table;
    }

    /** Per partition: the live rows in arrival order, stably sorted, each with COUNT and SUM of its frame. */
    private static Map<String, Integer> bruteForce(List<Row> live, boolean rows, long preceding) {
        Map<String, Integer> out = new TreeMap<>();
        for (String key : new String[] {"k0", "k1", "k2"}) {
            List<Row> sorted = new ArrayList<>();
            live.stream().filter(r -> key.equals(r.getField(0))).forEach(sorted::add);
            sorted.sort(O_ASC);
            for (int i = 0; i < sorted.size(); i++) {
                long count = 0;
                long sum = 0;
                for (int j = 0; j < sorted.size(); j++) {
                    boolean in = rows ? j <= i && (preceding == UNBOUNDED || j >= i - preceding)
                        : O_ASC.compare(sorted.get(j), sorted.get(i)) <= 0;
                    if (in) {
                        count++;
                        sum += (Long) sorted.get(j).getField(1);
                    }
                }
                Row r = sorted.get(i);
                out.merge(Row.of(r.getField(0), r.getField(1), r.getField(2), count, sum).toString(), 1, Integer::sum);
            }
        }
        return out;
    }
}
