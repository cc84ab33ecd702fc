package io.weir.runtime.operators.sql;

import io.weir.runtime.data.Row;
import io.weir.runtime.generated.AggsHandle;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;

/** A fake {@code MAX(x)} over field 1, without retraction: its result often stays unchanged. */
final class MaxOnlyAggs implements AggsHandle {
    private static final RowType ACC = RowType.of(new String[] {"record_count", "max"},
        new DataType[] {DataType.bigint().notNull(), DataType.bigint()});
    private long rc;
    private Long max;

    @Override
    public RowType accumulatorType() {
        return ACC;
    }

    @Override
    public Row createAccumulators() {
        return Row.of(0L, null);
    }

    @Override
    public void setAccumulators(Row acc) {
        rc = (Long) acc.getField(0);
        max = (Long) acc.getField(1);
    }

    @Override
    public Row getAccumulators() {
        return Row.of(rc, max);
    }

    @Override
    public void resetAccumulators() {
        rc = 0;
        max = null;
    }

    @Override
    public void accumulate(Row input) {
        rc++;
        Long x = (Long) input.getField(1);
        if (x != null && (max == null || x > max)) {
            max = x;
        }
    }

    @Override
    public void retract(Row input) {
        throw new UnsupportedOperationException("MAX without retraction");
    }

    @Override
    public void merge(Row other) {
        rc += (Long) other.getField(0);
        Long x = (Long) other.getField(1);
        if (x != null && (max == null || x > max)) {
            max = x;
        }
    }

    @Override
    public Row getValue() {
        return Row.of(max);
    }

    @Override
    public long recordCount() {
        return rc;
    }

    @Override
    public boolean supportsRetract() {
        return false;
    }
}
