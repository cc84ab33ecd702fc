package io.weir.codegen;

import static io.weir.codegen.testutil.SqlFixture.named;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.codegen.testutil.SqlFixture;
import io.weir.codegen.testutil.SqlFixture.AggRun;
import io.weir.runtime.data.Row;
import io.weir.runtime.generated.DistinctStore;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.TypeRoot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** DISTINCT counts kept in a {@link DistinctStore} give the same results as counts in the accumulators. */
class DistinctStoreAggsTest {
    private static final String QUERY = "SELECT COUNT(DISTINCT a), COUNT(DISTINCT a) FILTER (WHERE b > 0), "
        + "SUM(DISTINCT a) FILTER (WHERE b < 5), COUNT(*) FILTER (WHERE b > 0), COUNT(DISTINCT a, s), "
        + "COUNT(DISTINCT s) FILTER (WHERE b > 2), LISTAGG(DISTINCT s, '|'), MAX(a) FROM T";

    private final SqlFixture sql = new SqlFixture();

    /** A store in plain hash maps, one per distinct group, that checks the store contract. */
    static final class MapStore implements DistinctStore {
        final List<Map<Object, long[]>> groups = new ArrayList<>();

        MapStore(int groups) {
            for (int g = 0; g < groups; g++) {
                this.groups.add(new HashMap<>());
            }
        }

        @Override
        public long[] get(int group, Object value) {
            return groups.get(group).get(value);
        }

        @Override
        public void put(int group, Object value, long[] counts) {
            boolean nonZero = false;
            for (long c : counts) {
                assertTrue(c >= 0, "negative count");
                nonZero |= c != 0;
            }
            assertTrue(nonZero, "all-zero counts must be removed, not put");
            groups.get(group).put(value, counts);
        }

        @Override
        public void remove(int group, Object value) {
            groups.get(group).remove(value);
        }
    }

    @Test
    void shouldDescribeOneDistinctGroupPerArgumentList() {
        AggRun run = sql.aggregate(QUERY, true);
        List<DataType> types = run.handle.distinctKeyTypes();
        assertEquals(4, types.size(), "a; (a, s); s; s with LISTAGG's separator: " + types);
        assertEquals(TypeRoot.INTEGER, types.get(0).root());
        assertEquals(TypeRoot.ROW, types.get(1).root());
        assertArrayEquals(new int[] {3, 1, 1, 1}, run.handle.distinctGroupSizes(), "both COUNTs and the SUM over a share a group");
    }

    @Test
    void shouldGiveTheSameResultsAsCountsInTheAccumulators() {
        AggRun inAcc = sql.aggregate(QUERY, true);
        AggRun inStore = sql.aggregate(QUERY, true);
        MapStore store = new MapStore(inStore.handle.distinctKeyTypes().size());
        inStore.handle.setDistinctStore(store);
        Random random = new Random(42);
        List<Row> live = new ArrayList<>();
        for (int step = 0; step < 3000; step++) {
            if (!live.isEmpty() && random.nextInt(3) == 0) {
                Row r = live.remove(random.nextInt(live.size()));
                inAcc.retract(r);
                inStore.retract(r);
            } else {
                Row r = named("a", random.nextInt(5) == 0 ? null : random.nextInt(8), "b", (long) random.nextInt(7),
                    "s", random.nextInt(6) == 0 ? null : "s" + random.nextInt(4));
                live.add(r);
                inAcc.accumulate(r);
                inStore.accumulate(r);
            }
            assertEquals(inAcc.value(), inStore.value(), "step " + step);
        }
        for (Row r : live) {
            inAcc.retract(r);
            inStore.retract(r);
        }
        assertEquals(inAcc.value(), inStore.value());
        for (Map<Object, long[]> g : store.groups) {
            assertTrue(g.isEmpty(), "every value retracted, so no counts left: " + g.keySet());
        }
    }

    @Test
    void whenCountsAreInTheStore_thenTheAccumulatorsHoldNone() {
        AggRun run = sql.aggregate("SELECT COUNT(DISTINCT a) FROM T", true);
        MapStore store = new MapStore(1);
        run.handle.setDistinctStore(store);
        run.accumulate(named("a", 1), named("a", 2), named("a", 1));
        assertEquals(Row.of(2L), run.value());
        Row acc = run.handle.getAccumulators();
        assertEquals(Map.of(), acc.getField(acc.arity() - 1), "the accumulator's distinct map stays empty");
        assertArrayEquals(new long[] {2L}, store.get(0, 1));
        run.handle.setAccumulators(acc);
        run.accumulate(named("a", 3));
        assertEquals(Row.of(3L), run.value(), "counts survive a round trip of the accumulators");
        assertThrows(UnsupportedOperationException.class, () -> run.handle.merge(acc));
    }

    @Test
    void whenRetractingAValueNeverSeen_thenItIsIgnored() {
        AggRun run = sql.aggregate("SELECT COUNT(DISTINCT a) FILTER (WHERE b > 0) FROM T", true);
        MapStore store = new MapStore(1);
        run.handle.setDistinctStore(store);
        run.accumulate(named("a", 1, "b", 0L));
        run.retract(named("a", 1, "b", 1L), named("a", 2, "b", 1L));
        assertEquals(Row.of(0L), run.value());
        assertTrue(store.groups.get(0).isEmpty());
    }
}
