package io.weir.runtime.operators.sql;

import io.weir.runtime.data.Row;
import io.weir.runtime.generated.AggsHandle;
import io.weir.runtime.generated.DistinctStore;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-written aggregate handle (a small fake of what codegen generates for DISTINCT):
 * {@code COUNT(DISTINCT x), COUNT(DISTINCT x) FILTER (WHERE x is even)} over the BIGINT field
 * {@code x}, one distinct group of two calls. The counts are in the accumulator row
 * ({@code [record_count, distinct_all, distinct_even, MAP all, MAP even]}), or in a
 * {@link DistinctStore} when {@code offersStore} and the operator sets one.
 */
final class DistinctCountAggs implements AggsHandle {
    static final RowType ACC_TYPE = RowType.of(new String[] {"record_count", "all", "even", "d_all", "d_even"},
        new DataType[] {DataType.bigint().notNull(), DataType.bigint().notNull(), DataType.bigint().notNull(),
            DataType.map(DataType.bigint().notNull(), DataType.bigint().notNull()),
            DataType.map(DataType.bigint().notNull(), DataType.bigint().notNull())});

    private final int field;
    private final boolean offersStore;
    DistinctStore store;
    private long rc;
    private long all;
    private long even;
    private HashMap<Long, Long> dAll;
    private HashMap<Long, Long> dEven;

    DistinctCountAggs(int field, boolean offersStore) {
        this.field = field;
        this.offersStore = offersStore;
        resetAccumulators();
    }

    @Override
    public List<DataType> distinctKeyTypes() {
        return offersStore ? List.of(DataType.bigint().notNull()) : List.of();
    }

    @Override
    public int[] distinctGroupSizes() {
        return offersStore ? new int[] {2} : new int[0];
    }

    @Override
    public void setDistinctStore(DistinctStore store) {
        this.store = store;
    }

    @Override
    public RowType accumulatorType() {
        return ACC_TYPE;
    }

    @Override
    public Row createAccumulators() {
        return Row.of(0L, 0L, 0L, new HashMap<Long, Long>(), new HashMap<Long, Long>());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void setAccumulators(Row acc) {
        rc = (Long) acc.getField(0);
        all = (Long) acc.getField(1);
        even = (Long) acc.getField(2);
        dAll = new HashMap<>((Map<Long, Long>) acc.getField(3));
        dEven = new HashMap<>((Map<Long, Long>) acc.getField(4));
    }

    @Override
    public Row getAccumulators() {
        return Row.of(rc, all, even, new HashMap<>(dAll), new HashMap<>(dEven));
    }

    @Override
    public void resetAccumulators() {
        rc = 0;
        all = 0;
        even = 0;
        dAll = new HashMap<>();
        dEven = new HashMap<>();
    }

    @Override
    public void accumulate(Row input) {
        rc++;
        Long x = (Long) input.getField(field);
        if (x == null) {
            return;
        }
        boolean isEven = x % 2 == 0;
        if (store != null) {
            long[] old = store.get(0, x);
            long[] n = old == null ? new long[2] : old.clone();
            if (n[0]++ == 0) {
                all++;
            }
            if (isEven && n[1]++ == 0) {
                even++;
            }
            store.put(0, x, n);
            return;
        }
        if (dAll.merge(x, 1L, Long::sum) == 1L) {
            all++;
        }
        if (isEven && dEven.merge(x, 1L, Long::sum) == 1L) {
            even++;
        }
    }

    @Override
    public void retract(Row input) {
        rc--;
        Long x = (Long) input.getField(field);
        if (x == null) {
            return;
        }
        boolean isEven = x % 2 == 0;
        if (store != null) {
            long[] old = store.get(0, x);
            if (old == null) {
                return;
            }
            long[] n = old.clone();
            if (n[0] > 0 && --n[0] == 0) {
                all--;
            }
            if (isEven && n[1] > 0 && --n[1] == 0) {
                even--;
            }
            if (n[0] == 0 && n[1] == 0) {
                store.remove(0, x);
            } else {
                store.put(0, x, n);
            }
            return;
        }
        if (decrement(dAll, x)) {
            all--;
        }
        if (isEven && decrement(dEven, x)) {
            even--;
        }
    }

    private static boolean decrement(Map<Long, Long> counts, Long x) {
        Long c = counts.get(x);
        if (c == null) {
            return false;
        }
        if (c <= 1) {
            counts.remove(x);
            return true;
        }
        counts.put(x, c - 1);
        return false;
    }

    @Override
    public void merge(Row other) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public Row getValue() {
        return Row.of(all, even);
    }

    @Override
    public long recordCount() {
        return rc;
    }

    @Override
    public boolean supportsRetract() {
        return true;
    }
}
