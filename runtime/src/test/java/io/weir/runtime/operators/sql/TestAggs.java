package io.weir.runtime.operators.sql;

import io.weir.runtime.data.Row;
import io.weir.runtime.generated.NamespaceAggsHandle;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.util.Map;
import java.util.TreeMap;

/**
 * A hand-written aggregate handle (a small fake of what codegen generates): {@code COUNT(*),
 * SUM(x), MIN(x)} over the BIGINT field {@code x} of the input, MIN keeping a value-to-count map so
 * it can retract. Window results append {@code window_start, window_end, window_time}.
 * Accumulators: {@code [record_count, count, sum, min_counts]}.
 */
final class TestAggs implements NamespaceAggsHandle {
    static final RowType ACC_TYPE = RowType.of(new String[] {"record_count", "cnt", "sum", "mins"},
        new DataType[] {DataType.bigint().notNull(), DataType.bigint().notNull(), DataType.bigint(),
            DataType.map(DataType.bigint().notNull(), DataType.bigint().notNull())});

    private final int field;
    private long rc;
    private long count;
    private Long sum;
    private TreeMap<Long, Long> mins;

    TestAggs(int field) {
        this.field = field;
        resetAccumulators();
    }

    @Override
    public RowType accumulatorType() {
        return ACC_TYPE;
    }

    @Override
    public Row createAccumulators() {
        return Row.of(0L, 0L, null, new TreeMap<Long, Long>());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void setAccumulators(Row acc) {
        rc = (Long) acc.getField(0);
        count = (Long) acc.getField(1);
        sum = (Long) acc.getField(2);
        mins = new TreeMap<>((Map<Long, Long>) acc.getField(3));
    }

    @Override
    public Row getAccumulators() {
        return Row.of(rc, count, sum, new TreeMap<>(mins));
    }

    @Override
    public void resetAccumulators() {
        rc = 0;
        count = 0;
        sum = null;
        mins = new TreeMap<>();
    }

    @Override
    public void accumulate(Row input) {
        rc++;
        count++;
        Long x = (Long) input.getField(field);
        if (x != null) {
            sum = sum == null ? x : sum + x;
            mins.merge(x, 1L, Long::sum);
        }
    }

    @Override
    public void retract(Row input) {
        rc--;
        count--;
        Long x = (Long) input.getField(field);
        if (x != null) {
            sum = sum == null ? -x : sum - x;
            Long c = mins.get(x);
            if (c != null) {
                if (c <= 1) {
                    mins.remove(x);
                } else {
                    mins.put(x, c - 1);
                }
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void merge(Row other) {
        rc += (Long) other.getField(0);
        count += (Long) other.getField(1);
        Long s = (Long) other.getField(2);
        if (s != null) {
            sum = sum == null ? s : sum + s;
        }
        for (Map.Entry<Long, Long> e : ((Map<Long, Long>) other.getField(3)).entrySet()) {
            mins.merge(e.getKey(), e.getValue(), Long::sum);
        }
    }

    @Override
    public Row getValue() {
        return Row.of(count, sum, mins.isEmpty() ? null : mins.firstKey());
    }

    @Override
    public Row getValue(long windowStart, long windowEnd) {
        return Row.of(count, sum, mins.isEmpty() ? null : mins.firstKey(), windowStart, windowEnd, windowEnd - 1);
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
