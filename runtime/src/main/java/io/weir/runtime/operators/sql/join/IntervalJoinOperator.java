package io.weir.runtime.operators.sql.join;

import io.weir.checkpoint.state.MapState;
import io.weir.checkpoint.state.MapStateDescriptor;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.generated.GeneratedClass;
import io.weir.runtime.generated.JoinCondition;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.Output;
import io.weir.runtime.operators.TimeDomain;
import io.weir.runtime.operators.Timer;
import io.weir.runtime.operators.TimerService;
import io.weir.runtime.operators.TwoInputStreamOperator;
import io.weir.checkpoint.serialization.LongSerializer;
import io.weir.runtime.serialization.RowSerializer;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The interval join: {@code l JOIN r ON l.k = r.k AND l.ts BETWEEN r.ts + lowerBound AND r.ts +
 * upperBound} (plus a residual condition), on event time (the combined watermark) or processing
 * time (the clock; a row's time is its arrival time). Inputs are insert-only; the output is
 * insert-only {@code left ++ right}, and an outer side's row that matched nothing is emitted padded
 * with NULLs once it can no longer match (when it expires), or at once if it arrives too late to be
 * kept.
 *
 * <p>State per side: {@code MapState<time, rows>} for the current join key, each row stored with a
 * "matched" flag ({@code record ++ BOOLEAN}). A left row is kept while right rows that it could
 * match may still come, i.e. until the watermark (clock) reaches {@code ts - lowerBound}; a right
 * row until {@code ts + upperBound}. A timer per (side, time) at that point removes the rows
 * (timer namespace 0 = left, 1 = right). Rows that arrive after the watermark are not dropped: they
 * join what is still kept on the other side.
 *
 * <p>Watermarks (event time): a joined or padded row may carry a time up to
 * {@link #outputDelay(long, long)} below the input watermark, so the forwarded watermark is held back
 * by that much (as Flink's interval join does); the time columns of the output then stay rowtime
 * attributes for a following window. Rows late at the input (or padded after a watermark jump past
 * their expiry) can still be late downstream.
 */
public final class IntervalJoinOperator implements TwoInputStreamOperator {
    static final String LEFT_STATE = "interval-left";
    static final String RIGHT_STATE = "interval-right";
    private static final long LEFT = 0L;
    private static final long RIGHT = 1L;

    private final JoinType joinType;
    private final RowType leftType;
    private final RowType rightType;
    private final int leftTimeIndex;
    private final int rightTimeIndex;
    private final long lowerBound;
    private final long upperBound;
    private final boolean isRowtime;
    private final Supplier<JoinCondition> conditionFactory;
    private final ZoneId zone;
    private final List<Map.Entry<Long, List<Row>>> changed = new ArrayList<>();
    private Output output;
    private JoinCondition condition;
    private MapState<Long, List<Row>> leftCache;
    private MapState<Long, List<Row>> rightCache;
    private TimerService<Long> timers;
    private JoinedRows joined;

    /**
     * @param leftTimeIndex the time attribute field of the left input (read only when {@code isRowtime})
     * @param lowerBound the smallest {@code l.ts - r.ts} that matches, in ms (e.g. {@code -x} for {@code r.ts - x})
     * @param upperBound the largest {@code l.ts - r.ts} that matches, in ms
     * @param condition the residual condition over {@code left ++ right}, or null
     */
    public IntervalJoinOperator(JoinType joinType, RowType leftType, RowType rightType, int leftTimeIndex,
                                int rightTimeIndex, long lowerBound, long upperBound, boolean isRowtime,
                                GeneratedClass<JoinCondition> condition, ZoneId zone) {
        this(joinType, leftType, rightType, leftTimeIndex, rightTimeIndex, lowerBound, upperBound, isRowtime,
            GeneratedInstances.supplier(condition), zone);
    }

    IntervalJoinOperator(JoinType joinType, RowType leftType, RowType rightType, int leftTimeIndex, int rightTimeIndex,
                         long lowerBound, long upperBound, boolean isRowtime, Supplier<JoinCondition> condition,
                         ZoneId zone) {
        if (lowerBound > upperBound) {
            throw new IllegalArgumentException("interval join: lower bound " + lowerBound
                + " ms is greater than upper bound " + upperBound + " ms; the join would never match");
        }
        this.joinType = Objects.requireNonNull(joinType, "joinType");
        this.leftType = Objects.requireNonNull(leftType, "leftType");
        this.rightType = Objects.requireNonNull(rightType, "rightType");
        this.leftTimeIndex = leftTimeIndex;
        this.rightTimeIndex = rightTimeIndex;
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
        this.isRowtime = isRowtime;
        this.conditionFactory = Objects.requireNonNull(condition, "condition");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A keyed factory; {@code leftKey}/{@code rightKey} select the equi-join keys (of type {@code keyType}). */
    public static OperatorFactory factory(String name, String uid, JoinType joinType, KeySelector leftKey,
                                          KeySelector rightKey, RowType keyType, RowType leftType, RowType rightType,
                                          int leftTimeIndex, int rightTimeIndex, long lowerBound, long upperBound,
                                          boolean isRowtime, GeneratedClass<JoinCondition> condition, ZoneId zone) {
        return OperatorFactory.keyed(name, uid, () -> new IntervalJoinOperator(joinType, leftType, rightType,
            leftTimeIndex, rightTimeIndex, lowerBound, upperBound, isRowtime, condition, zone), keyType, leftKey, rightKey);
    }

    @Override
    public void open(OperatorContext context) {
        this.output = context.output();
        this.condition = conditionFactory.get();
        if (condition != null) {
            condition.open(new TaskFunctionContext(zone, context.processingTimeService()));
        }
        this.leftCache = context.getState(cacheDescriptor(LEFT_STATE, leftType));
        this.rightCache = context.getState(cacheDescriptor(RIGHT_STATE, rightType));
        this.timers = context.timerService(LongSerializer.INSTANCE);
        this.joined = new JoinedRows(leftType.arity(), rightType.arity());
    }

    private static MapStateDescriptor<Long, List<Row>> cacheDescriptor(String name, RowType type) {
        int n = type.arity();
        String[] names = new String[n + 1];
        DataType[] types = new DataType[n + 1];
        for (int i = 0; i < n; i++) {
            names[i] = "f" + i;
            types[i] = type.fieldType(i);
        }
        names[n] = "$matched";
        types[n] = DataType.booleanType();
        return new MapStateDescriptor<>(name, LongSerializer.INSTANCE,
            new RowListSerializer(new RowSerializer(RowType.of(names, types))));
    }

    @Override
    public void processElement1(Row row) throws Exception {
        long ts = timeOf(row, leftTimeIndex, "left");
        // right rows with r.ts in [ts - upper, ts - lower]
        boolean matched = probe(row, true, ts - upperBound, ts - lowerBound);
        keepOrPad(row, true, ts, ts - lowerBound, matched);
    }

    @Override
    public void processElement2(Row row) throws Exception {
        long ts = timeOf(row, rightTimeIndex, "right");
        // left rows with l.ts in [ts + lower, ts + upper]
        boolean matched = probe(row, false, ts + lowerBound, ts + upperBound);
        keepOrPad(row, false, ts, ts + upperBound, matched);
    }

    private long timeOf(Row row, int index, String side) {
        if (!isRowtime) {
            return timers.currentProcessingTime();
        }
        Object t = row.getField(index);
        if (t == null) {
            throw new IllegalArgumentException("interval join: the time attribute (field " + index + ") of " + side
                + " row " + row + " is NULL; a rowtime column must not be NULL");
        }
        return ((Number) t).longValue();
    }

    private long now() {
        return isRowtime ? timers.currentWatermark() : timers.currentProcessingTime();
    }

    /** Joins {@code row} with the other side's kept rows whose time is in {@code [from, to]}; true if any matched. */
    private boolean probe(Row row, boolean isLeft, long from, long to) throws Exception {
        MapState<Long, List<Row>> other = isLeft ? rightCache : leftCache;
        boolean otherOuter = isLeft ? joinType.isRightOuter() : joinType.isLeftOuter();
        int otherArity = isLeft ? rightType.arity() : leftType.arity();
        boolean matched = false;
        changed.clear();
        for (Map.Entry<Long, List<Row>> e : other.entries()) {
            long t = e.getKey();
            if (t < from || t > to) {
                continue;
            }
            List<Row> rows = e.getValue();
            boolean listChanged = false;
            for (int i = 0; i < rows.size(); i++) {
                Row stored = rows.get(i);
                // the stored row as is: its matched flag is an extra last field, which joins and conditions ignore
                Row left = isLeft ? row : stored;
                Row right = isLeft ? stored : row;
                if (condition == null || condition.test(left, right)) {
                    matched = true;
                    output.collect(joined.join(RowKind.INSERT, left, right));
                    if (otherOuter && !Boolean.TRUE.equals(stored.getField(otherArity))) {
                        Row marked = stored.copy();
                        marked.setField(otherArity, Boolean.TRUE);
                        rows.set(i, marked);
                        listChanged = true;
                    }
                }
            }
            if (listChanged) {
                changed.add(Map.entry(t, rows));
            }
        }
        for (Map.Entry<Long, List<Row>> e : changed) {
            other.put(e.getKey(), e.getValue());
        }
        changed.clear();
        return matched;
    }

    /** Keeps the row until {@code expiry} if rows of the other side may still match it, else pads it now. */
    private void keepOrPad(Row row, boolean isLeft, long ts, long expiry, boolean matched) throws Exception {
        boolean outer = isLeft ? joinType.isLeftOuter() : joinType.isRightOuter();
        if (expiry > now()) {
            MapState<Long, List<Row>> own = isLeft ? leftCache : rightCache;
            List<Row> rows = own.get(ts);
            if (rows == null) {
                rows = new ArrayList<>(1);
            }
            rows.add(withFlag(row, matched));
            own.put(ts, rows);
            if (isRowtime) {
                timers.registerEventTimeTimer(isLeft ? LEFT : RIGHT, expiry);
            } else {
                timers.registerProcessingTimeTimer(isLeft ? LEFT : RIGHT, expiry);
            }
        } else if (outer && !matched) {
            output.collect(joined.joinSided(RowKind.INSERT, row, null, isLeft));
        }
    }

    /** {@code row ++ matched}, kind INSERT. */
    private static Row withFlag(Row row, boolean matched) {
        int n = row.arity();
        Object[] f = new Object[n + 1];
        System.arraycopy(row.fields(), 0, f, 0, n);
        f[n] = matched;
        return new Row(RowKind.INSERT, f);
    }

    @Override
    public void onTimer(Timer<?> timer) throws Exception {
        if (timer.domain() != (isRowtime ? TimeDomain.EVENT_TIME : TimeDomain.PROCESSING_TIME)) {
            return;
        }
        boolean isLeft = (Long) timer.namespace() == LEFT;
        long ts = isLeft ? timer.timestamp() + lowerBound : timer.timestamp() - upperBound;
        MapState<Long, List<Row>> own = isLeft ? leftCache : rightCache;
        List<Row> rows = own.get(ts);
        if (rows == null) {
            return;
        }
        boolean outer = isLeft ? joinType.isLeftOuter() : joinType.isRightOuter();
        int arity = isLeft ? leftType.arity() : rightType.arity();
        if (outer) {
            for (Row stored : rows) {
                if (!Boolean.TRUE.equals(stored.getField(arity))) {
                    output.collect(joined.joinSided(RowKind.INSERT, stored, null, isLeft));
                }
            }
        }
        own.remove(ts);
    }

    /** The input watermark minus {@link #outputDelay}, in event time; the watermark itself in processing time. */
    @Override
    public long processWatermark(long watermark) {
        if (!isRowtime || watermark == Long.MIN_VALUE || watermark == Long.MAX_VALUE) {
            return watermark;
        }
        long delay = outputDelay(lowerBound, upperBound);
        return watermark < Long.MIN_VALUE + delay ? Long.MIN_VALUE : watermark - delay;
    }

    /**
     * How far below the input watermark an output row's time can be: {@code max(-lowerBound, upperBound)}
     * (Flink's {@code max(leftRelativeSize, rightRelativeSize)}, allowed lateness 0), never negative.
     */
    public static long outputDelay(long lowerBound, long upperBound) {
        return Math.max(0, Math.max(-lowerBound, upperBound));
    }

    @Override
    public void close() {
        if (condition != null) {
            condition.close();
        }
    }
}
