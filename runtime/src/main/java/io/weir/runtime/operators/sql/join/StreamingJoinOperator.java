package io.weir.runtime.operators.sql.join;

import io.weir.checkpoint.state.StateTtlConfig;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.generated.GeneratedClass;
import io.weir.runtime.generated.JoinCondition;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.Output;
import io.weir.runtime.operators.TwoInputStreamOperator;
import io.weir.runtime.types.RowType;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The regular (unbounded) streaming join: {@code INNER}, {@code LEFT}, {@code RIGHT} and {@code FULL
 * OUTER} on equi-keys (the operator's key, selected from each input by the factory's key selectors)
 * plus an optional residual {@link JoinCondition}, over insert-only or updating inputs. Output rows
 * are {@code left ++ right}, kind {@code +I} or {@code -D}.
 *
 * <p>Per input row, for the current join key: the other side's rows are loaded once and filtered by
 * the condition; an accumulating row ({@code +I}/{@code +U}) emits {@code +I} joined rows and is
 * stored, a retracting row ({@code -U}/{@code -D}) emits {@code -D} joined rows and is removed.
 * Outer sides keep, per stored row, how many rows of the other side it matches: an unmatched outer
 * row is emitted padded with NULLs; its padded row is retracted ({@code -D}) when its first match
 * arrives and emitted again ({@code +I}) when its last match goes. Rows whose join key has a NULL
 * (with {@code filterNullKeys}, i.e. plain {@code =}) match nothing and are not stored. As in Flink, a retraction is
 * applied even when its row is no longer in state (expired by TTL).
 *
 * <p>State per side (see {@link JoinInputSpec}): one row per join key, a map by unique key, a
 * map of row to count, or (insert-only side not preserved by the join type) a list of rows; all
 * with the TTL given ({@code table.exec.state.ttl}).
 *
 * <p>Maintenance notes: matches are copied out of state into a reused buffer before the other
 * side's association counts are written, because map-state iterators must not see modifications.
 */
public final class StreamingJoinOperator implements TwoInputStreamOperator {
    static final String LEFT_STATE = "left-records";
    static final String RIGHT_STATE = "right-records";

    private final JoinType joinType;
    private final RowType leftType;
    private final RowType rightType;
    private final JoinInputSpec leftSpec;
    private final JoinInputSpec rightSpec;
    private final Supplier<JoinCondition> conditionFactory;
    private final boolean filterNullKeys;
    private final StateTtlConfig ttl;
    private final ZoneId zone;
    private final List<JoinRecordState.Entry> buffer = JoinRecordState.newBuffer();
    private OperatorContext context;
    private Output output;
    private JoinCondition condition;
    private JoinRecordState leftState;
    private JoinRecordState rightState;
    private JoinedRows joined;

    /**
     * @param condition the residual non-equi condition over {@code left ++ right}, or null for none
     * @param filterNullKeys true when a NULL in the join key matches nothing (SQL {@code =}); false
     *     for {@code IS NOT DISTINCT FROM} keys
     * @param ttl the state TTL of both sides ({@link StateTtlConfig#DISABLED} keeps rows forever)
     */
    public StreamingJoinOperator(JoinType joinType, RowType leftType, RowType rightType, JoinInputSpec leftSpec,
                                 JoinInputSpec rightSpec, GeneratedClass<JoinCondition> condition,
                                 boolean filterNullKeys, StateTtlConfig ttl, ZoneId zone) {
        this(joinType, leftType, rightType, leftSpec, rightSpec, GeneratedInstances.supplier(condition),
            filterNullKeys, ttl, zone);
    }

    StreamingJoinOperator(JoinType joinType, RowType leftType, RowType rightType, JoinInputSpec leftSpec,
                          JoinInputSpec rightSpec, Supplier<JoinCondition> condition, boolean filterNullKeys,
                          StateTtlConfig ttl, ZoneId zone) {
        this.joinType = Objects.requireNonNull(joinType, "joinType");
        this.leftType = Objects.requireNonNull(leftType, "leftType");
        this.rightType = Objects.requireNonNull(rightType, "rightType");
        this.leftSpec = Objects.requireNonNull(leftSpec, "leftSpec");
        this.rightSpec = Objects.requireNonNull(rightSpec, "rightSpec");
        this.conditionFactory = Objects.requireNonNull(condition, "condition");
        this.filterNullKeys = filterNullKeys;
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.zone = Objects.requireNonNull(zone, "zone");
        if (leftSpec.isAppendOnly() && joinType.isLeftOuter() || rightSpec.isAppendOnly() && joinType.isRightOuter()) {
            throw new IllegalArgumentException("an append-only join input keeps no association counts, so it cannot"
                + " be the preserved side of a " + joinType + " join (left " + leftSpec + ", right " + rightSpec + ")");
        }
    }

    /**
     * A keyed factory: {@code leftKey}/{@code rightKey} select the equi-join key fields (of type
     * {@code keyType}) from each input.
     */
    public static OperatorFactory factory(String name, String uid, JoinType joinType, KeySelector leftKey,
                                          KeySelector rightKey, RowType keyType, RowType leftType, RowType rightType,
                                          JoinInputSpec leftSpec, JoinInputSpec rightSpec,
                                          GeneratedClass<JoinCondition> condition, boolean filterNullKeys,
                                          StateTtlConfig ttl, ZoneId zone) {
        return OperatorFactory.keyed(name, uid, () -> new StreamingJoinOperator(joinType, leftType, rightType,
            leftSpec, rightSpec, condition, filterNullKeys, ttl, zone), keyType, leftKey, rightKey);
    }

    @Override
    public void open(OperatorContext context) {
        this.context = context;
        this.output = context.output();
        this.condition = conditionFactory.get();
        if (condition != null) {
            condition.open(new TaskFunctionContext(zone, context.processingTimeService()));
        }
        this.leftState = JoinRecordState.create(context, LEFT_STATE, leftType, leftSpec, ttl);
        this.rightState = JoinRecordState.create(context, RIGHT_STATE, rightType, rightSpec, ttl);
        this.joined = new JoinedRows(leftType.arity(), rightType.arity());
    }

    @Override
    public void processElement1(Row row) throws Exception {
        process(row, true);
    }

    @Override
    public void processElement2(Row row) throws Exception {
        process(row, false);
    }

    private void process(Row row, boolean isLeft) throws Exception {
        boolean accumulate = row.getKind().isAccumulate();
        Row record = row.withKind(RowKind.INSERT);
        JoinRecordState own = isLeft ? leftState : rightState;
        JoinRecordState other = isLeft ? rightState : leftState;
        boolean inputOuter = isLeft ? joinType.isLeftOuter() : joinType.isRightOuter();
        boolean otherOuter = isLeft ? joinType.isRightOuter() : joinType.isLeftOuter();
        if (keyMatchesNothing()) {
            // never matches, so never stored: an outer row is padded (or its padded row retracted) at once
            if (inputOuter) {
                emitPadded(accumulate ? RowKind.INSERT : RowKind.DELETE, record, isLeft, 1);
            }
            return;
        }
        int matches = loadMatches(other, record, isLeft);
        if (accumulate) {
            long associations = 0;
            for (int i = 0; i < matches; i++) {
                JoinRecordState.Entry e = buffer.get(i);
                if (otherOuter) {
                    if (e.associations == 0) {
                        emitPadded(RowKind.DELETE, e.record, !isLeft, e.count);
                    }
                    other.updateAssociations(e.record, e.associations + 1);
                }
                emitJoined(RowKind.INSERT, record, e, isLeft);
                associations += e.count;
            }
            if (matches == 0 && inputOuter) {
                emitPadded(RowKind.INSERT, record, isLeft, 1);
            }
            own.add(record, associations);
        } else {
            own.retract(record);
            for (int i = 0; i < matches; i++) {
                JoinRecordState.Entry e = buffer.get(i);
                emitJoined(RowKind.DELETE, record, e, isLeft);
                if (otherOuter) {
                    long left = Math.max(0, e.associations - 1);
                    if (left == 0) {
                        emitPadded(RowKind.INSERT, e.record, !isLeft, e.count);
                    }
                    other.updateAssociations(e.record, left);
                }
            }
            if (matches == 0 && inputOuter) {
                emitPadded(RowKind.DELETE, record, isLeft, 1);
            }
        }
    }

    private boolean keyMatchesNothing() {
        if (!filterNullKeys) {
            return false;
        }
        Row key = context.currentKey();
        for (int i = 0; i < key.arity(); i++) {
            if (key.isNullAt(i)) {
                return true;
            }
        }
        return false;
    }

    /** Loads the other side into {@link #buffer} and moves the entries matching {@code record} to its front. */
    private int loadMatches(JoinRecordState other, Row record, boolean isLeft) throws Exception {
        int n = other.load(buffer);
        if (condition == null) {
            return n;
        }
        int m = 0;
        for (int i = 0; i < n; i++) {
            JoinRecordState.Entry e = buffer.get(i);
            boolean ok = isLeft ? condition.test(record, e.record) : condition.test(e.record, record);
            if (ok) {
                if (i != m) {
                    buffer.set(i, buffer.get(m));
                    buffer.set(m, e);
                }
                m++;
            }
        }
        return m;
    }

    private void emitJoined(RowKind kind, Row record, JoinRecordState.Entry match, boolean isLeft) {
        for (long c = 0; c < match.count; c++) {
            output.collect(joined.joinSided(kind, record, match.record, isLeft));
        }
    }

    private void emitPadded(RowKind kind, Row record, boolean isLeft, long times) {
        for (long c = 0; c < times; c++) {
            output.collect(joined.joinSided(kind, record, null, isLeft));
        }
    }

    @Override
    public void close() {
        if (condition != null) {
            condition.close();
        }
    }
}
