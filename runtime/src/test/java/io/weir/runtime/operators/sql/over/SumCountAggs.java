package io.weir.runtime.operators.sql.over;

import io.weir.runtime.data.Row;
import io.weir.runtime.generated.AggsHandle;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;

/**
 * A hand-written aggregate handle (a small fake of what codegen generates): {@code COUNT(*), SUM(v)}
 * over the BIGINT field {@code v}, retractable. Accumulators {@code [count, sum]}.
 */
final class SumCountAggs implements AggsHandle {
    private static final RowType ACC = RowType.of(new String[] {"cnt", "sum"},
        new DataType[] {DataType.bigint(), DataType.bigint()});
    private final int field;
    private final boolean retractable;
    private long count;
    private long sum;

    SumCountAggs(int field, boolean retractable) {
        this.field = field;
        this.retractable = retractable;
    }

    @Override
    public RowType accumulatorType() {
        return ACC;
    }

    @Override
    public Row createAccumulators() {
        return Row.of(0L, 0L);
    }

    @Override
    public void setAccumulators(Row acc) {
        count = (Long) acc.getField(0);
        sum = (Long) acc.getField(1);
    }

    @Override
    public Row getAccumulators() {
        return Row.of(count, sum);
    }

    @Override
    public void resetAccumulators() {
        count = 0;
        sum = 0;
    }

    @Override
    public void accumulate(Row input) {
        count++;
        sum += (Long) input.getField(field);
    }

    @Override
    public void retract(Row input) {
        count--;
        sum -= (Long) input.getField(field);
    }

    @Override
    public void merge(Row other) {
        count += (Long) other.getField(0);
        sum += (Long) other.getField(1);
    }

    @Override
    public Row getValue() {
        return Row.of(count, sum);
    }

    @Override
    public long recordCount() {
        return count;
    }

    @Override
    public boolean supportsRetract() {
        return retractable;
    }
}
