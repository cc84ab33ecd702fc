package io.weir.runtime.operators.sql.setop;

import io.weir.checkpoint.state.StateTtlConfig;
import io.weir.checkpoint.state.ValueState;
import io.weir.checkpoint.state.ValueStateDescriptor;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.Output;
import io.weir.runtime.serialization.RowSerializer;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;

import java.util.Arrays;
import java.util.Objects;

/**
 * {@code INTERSECT ALL} and {@code EXCEPT ALL} with multiset semantics over a union of both inputs.
 * Each input row is {@code fields ++ side} (side INTEGER 0 = left, 1 = right); the operator is keyed
 * by all of {@code fields}, so one key is one distinct row. State per key: how many copies each
 * side holds now ({@code +I}/{@code +U} add one, {@code -U}/{@code -D} remove one). The result holds
 * {@code min(left, right)} copies (INTERSECT ALL) or {@code max(left - right, 0)} (EXCEPT ALL); every
 * change of that number is emitted as {@code +I} or {@code -D} rows of {@code fields}, so the output
 * is exact under retractions. INTERSECT ALL of insert-only inputs only ever inserts.
 */
public final class SetOpAllOperator implements OneInputStreamOperator {
    static final String STATE_NAME = "setop-counts";
    private static final RowType COUNTS = RowType.of(new String[] {"left", "right"},
        new DataType[] {DataType.bigint(), DataType.bigint()});

    private final boolean intersect;
    private final int arity;
    private final StateTtlConfig ttl;
    private Output output;
    private ValueState<Row> counts;

    /**
     * @param intersect INTERSECT ALL, else EXCEPT ALL (left minus right)
     * @param arity the number of row fields (the side marker follows them)
     */
    public SetOpAllOperator(boolean intersect, int arity, StateTtlConfig ttl) {
        this.intersect = intersect;
        this.arity = arity;
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    /** A keyed factory: the key is every row field (positions {@code 0..arity-1}), of type {@code rowType}. */
    public static OperatorFactory factory(String name, String uid, boolean intersect, RowType rowType,
                                          StateTtlConfig ttl) {
        int[] fields = java.util.stream.IntStream.range(0, rowType.arity()).toArray();
        return OperatorFactory.keyed(name, uid, () -> new SetOpAllOperator(intersect, rowType.arity(), ttl), rowType,
            KeySelector.ofFields(fields));
    }

    @Override
    public void open(OperatorContext context) {
        this.output = context.output();
        ValueStateDescriptor<Row> d = new ValueStateDescriptor<>(STATE_NAME, new RowSerializer(COUNTS));
        d.enableTimeToLive(ttl);
        this.counts = context.getState(d);
    }

    @Override
    public void processElement(Row row) throws Exception {
        Row c = counts.value();
        long left = c == null ? 0 : (Long) c.getField(0);
        long right = c == null ? 0 : (Long) c.getField(1);
        long before = result(left, right);
        long delta = row.getKind().isAccumulate() ? 1 : -1;
        if (((Number) row.getField(arity)).intValue() == 0) {
            left += delta;
        } else {
            right += delta;
        }
        // a retraction of a copy that is not held (expired by the state TTL) is ignored
        left = Math.max(left, 0);
        right = Math.max(right, 0);
        if (left == 0 && right == 0) {
            counts.clear();
        } else {
            counts.update(Row.of(left, right));
        }
        long after = result(left, right);
        for (long i = before; i < after; i++) {
            output.collect(new Row(RowKind.INSERT, Arrays.copyOf(row.fields(), arity)));
        }
        for (long i = after; i < before; i++) {
            output.collect(new Row(RowKind.DELETE, Arrays.copyOf(row.fields(), arity)));
        }
    }

    private long result(long left, long right) {
        return intersect ? Math.min(left, right) : Math.max(left - right, 0);
    }
}
