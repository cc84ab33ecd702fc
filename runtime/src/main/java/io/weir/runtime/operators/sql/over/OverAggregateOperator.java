package io.weir.runtime.operators.sql.over;

import io.weir.checkpoint.state.MapState;
import io.weir.checkpoint.state.MapStateDescriptor;
import io.weir.checkpoint.state.StateTtlConfig;
import io.weir.checkpoint.state.ValueState;
import io.weir.checkpoint.state.ValueStateDescriptor;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.generated.AggsHandle;
import io.weir.runtime.generated.GeneratedClass;
import io.weir.runtime.operators.sql.join.TaskFunctionContext;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.Output;
import io.weir.runtime.operators.TimeDomain;
import io.weir.runtime.operators.Timer;
import io.weir.runtime.operators.TimerService;
import io.weir.checkpoint.serialization.LongSerializer;
import io.weir.runtime.operators.sql.join.EventTimeProgress;
import io.weir.runtime.operators.sql.join.GeneratedInstances;
import io.weir.runtime.operators.sql.join.RowListSerializer;
import io.weir.runtime.serialization.RowSerializer;
import io.weir.runtime.types.RowType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * OVER aggregation: {@code agg(...) OVER (PARTITION BY k ORDER BY time ROWS|RANGE BETWEEN
 * UNBOUNDED|n PRECEDING AND CURRENT ROW)}, all aggregate calls of one window in one
 * {@link AggsHandle}. Keyed by the partition key; input insert-only; output insert-only
 * {@code input row ++ aggregate values}, one per input row.
 *
 * <p>Event time: rows wait in {@code MapState<time, rows>} until the watermark reaches their time
 * (an event-time timer per time), then are processed in time order (arrival order within one time);
 * rows at or behind the watermark on arrival are late: dropped and counted. Processing time: each row
 * is processed on arrival at the current clock time.
 *
 * <p>Frames: {@code ROWS UNBOUNDED} gives each row the aggregate of all rows up to it; {@code RANGE
 * UNBOUNDED} gives rows of the same time the same value (in processing time, each row is its own
 * peer group). Bounded frames ({@code ROWS n PRECEDING}: the row and the n before it; {@code RANGE
 * n PRECEDING}: rows with time in {@code [t - n, t]}) keep the processed rows still inside the frame
 * in {@code MapState<time, rows>} and retract those that leave it, which needs
 * {@link AggsHandle#supportsRetract()}. Accumulators: one row per key ({@code ValueState}); accumulators
 * and frame rows with the TTL given (rows waiting for the watermark never expire).
 */
public final class OverAggregateOperator implements OneInputStreamOperator {
    static final String ACC_STATE = "over-accumulators";
    static final String PENDING_STATE = "over-pending";
    static final String HISTORY_STATE = "over-history";

    /** {@code preceding} value of an {@code UNBOUNDED PRECEDING} frame. */
    public static final long UNBOUNDED = -1L;

    private final RowType inputType;
    private final Supplier<AggsHandle> handleFactory;
    private final boolean isRowtime;
    private final int timeIndex;
    private final boolean isRows;
    private final long preceding;
    private final StateTtlConfig ttl;
    private final ZoneId zone;
    private final List<Row> single = new ArrayList<>(1);
    private OperatorContext context;
    private Output output;
    private AggsHandle handle;
    private ValueState<Row> accState;
    private MapState<Long, List<Row>> pending;
    private MapState<Long, List<Row>> history;
    private TimerService<Long> timers;
    private EventTimeProgress progress;
    private TaskFunctionContext functionContext;

    /**
     * @param aggs the aggregate calls over the input row
     * @param isRowtime order by event time (buffer until the watermark) or processing time
     * @param timeIndex the time attribute field (read only when {@code isRowtime})
     * @param isRows a {@code ROWS} frame (else {@code RANGE})
     * @param preceding {@link #UNBOUNDED}, or n: rows for {@code ROWS}, milliseconds for {@code RANGE}
     */
    public OverAggregateOperator(RowType inputType, GeneratedClass<AggsHandle> aggs, boolean isRowtime, int timeIndex,
                                 boolean isRows, long preceding, StateTtlConfig ttl, ZoneId zone) {
        this(inputType, GeneratedInstances.supplier(Objects.requireNonNull(aggs, "aggs")), isRowtime, timeIndex,
            isRows, preceding, ttl, zone);
    }

    OverAggregateOperator(RowType inputType, Supplier<AggsHandle> aggs, boolean isRowtime, int timeIndex,
                          boolean isRows, long preceding, StateTtlConfig ttl, ZoneId zone) {
        if (preceding < 0 && preceding != UNBOUNDED) {
            throw new IllegalArgumentException("OVER aggregation: PRECEDING must be UNBOUNDED or >= 0, got " + preceding);
        }
        this.inputType = Objects.requireNonNull(inputType, "inputType");
        this.handleFactory = Objects.requireNonNull(aggs, "aggs");
        this.isRowtime = isRowtime;
        this.timeIndex = timeIndex;
        this.isRows = isRows;
        this.preceding = preceding;
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A keyed factory; {@code partitionKey} selects the {@code PARTITION BY} fields (may have none). */
    public static OperatorFactory factory(String name, String uid, KeySelector partitionKey, RowType keyType,
                                          RowType inputType, GeneratedClass<AggsHandle> aggs, boolean isRowtime,
                                          int timeIndex, boolean isRows, long preceding, StateTtlConfig ttl,
                                          ZoneId zone) {
        return OperatorFactory.keyed(name, uid, () -> new OverAggregateOperator(inputType, aggs, isRowtime, timeIndex,
            isRows, preceding, ttl, zone), keyType, partitionKey);
    }

    private boolean bounded() {
        return preceding != UNBOUNDED;
    }

    @Override
    public void open(OperatorContext context) throws Exception {
        this.context = context;
        this.output = context.output();
        this.handle = handleFactory.get();
        this.functionContext = new TaskFunctionContext(zone, context.processingTimeService());
        handle.open(functionContext);
        if (bounded() && !handle.supportsRetract()) {
            throw new IllegalStateException("OVER aggregation '" + context.operatorName() + "': a bounded "
                + (isRows ? "ROWS" : "RANGE") + " frame retracts rows that leave it, but its aggregates cannot retract");
        }
        this.accState = context.getState(withTtl(new ValueStateDescriptor<>(ACC_STATE,
            new RowSerializer(handle.accumulatorType()))));
        RowListSerializer rows = new RowListSerializer(new RowSerializer(inputType));
        this.history = context.getState(withTtl(new MapStateDescriptor<>(HISTORY_STATE, LongSerializer.INSTANCE, rows)));
        if (isRowtime) {
            // no TTL: rows waiting for the watermark must not expire unseen
            this.pending = context.getState(new MapStateDescriptor<>(PENDING_STATE, LongSerializer.INSTANCE, rows));
            this.timers = context.timerService(LongSerializer.INSTANCE);
            this.progress = new EventTimeProgress(context, timers);
        }
    }

    private <D extends io.weir.checkpoint.state.StateDescriptor<?, ?>> D withTtl(D d) {
        d.enableTimeToLive(ttl);
        return d;
    }

    @Override
    public void processElement(Row row) throws Exception {
        if (row.getKind() != RowKind.INSERT) {
            throw new IllegalStateException("OVER aggregation: the input must be insert-only, got " + row);
        }
        if (!isRowtime) {
            single.clear();
            single.add(row);
            process(single, context.processingTimeService().currentProcessingTime());
            single.clear();
            return;
        }
        Object t = row.getField(timeIndex);
        if (t == null) {
            throw new IllegalArgumentException("OVER aggregation: the time attribute (field " + timeIndex + ") of row "
                + row + " is NULL; a rowtime column must not be NULL");
        }
        long ts = ((Number) t).longValue();
        if (ts <= progress.currentWatermark()) {
            context.metrics().incrementLateRecordsDropped();
            return;
        }
        List<Row> rows = pending.get(ts);
        if (rows == null) {
            rows = new ArrayList<>(1);
        }
        rows.add(row.withKind(RowKind.INSERT));
        pending.put(ts, rows);
        timers.registerEventTimeTimer(0L, ts);
    }

    @Override
    public void onTimer(Timer<?> timer) throws Exception {
        if (!isRowtime || timer.domain() != TimeDomain.EVENT_TIME) {
            return;
        }
        long ts = timer.timestamp();
        List<Row> rows = pending.get(ts);
        if (rows != null) {
            pending.remove(ts);
            process(rows, ts);
        }
    }

    /** Processes the rows of time {@code ts} (in order) and emits one result per row. */
    private void process(List<Row> rows, long ts) throws Exception {
        Row acc = accState.value();
        if (acc == null) {
            handle.resetAccumulators();
        } else {
            handle.setAccumulators(acc);
        }
        if (!bounded()) {
            processUnbounded(rows);
        } else if (isRows) {
            processRowsBounded(rows, ts);
        } else {
            processRangeBounded(rows, ts);
        }
        accState.update(handle.getAccumulators());
    }

    private void processUnbounded(List<Row> rows) {
        if (isRows || !isRowtime) {
            for (Row row : rows) {
                handle.accumulate(row);
                emit(row, handle.getValue());
            }
            return;
        }
        for (Row row : rows) {
            handle.accumulate(row);
        }
        Row value = handle.getValue();
        for (Row row : rows) {
            emit(row, value);
        }
    }

    /** RANGE n PRECEDING: retract rows older than {@code ts - n}, then add the rows of {@code ts}. */
    private void processRangeBounded(List<Row> rows, long ts) throws Exception {
        long oldest = ts - preceding;
        List<Long> expired = new ArrayList<>();
        for (Map.Entry<Long, List<Row>> e : history.entries()) {
            if (e.getKey() < oldest) {
                expired.add(e.getKey());
                for (Row old : e.getValue()) {
                    handle.retract(old);
                }
            }
        }
        for (Long t : expired) {
            history.remove(t);
        }
        List<Row> kept = history.get(ts);
        List<Row> updated = kept == null ? new ArrayList<>(rows.size()) : new ArrayList<>(kept);
        for (Row row : rows) {
            handle.accumulate(row);
            updated.add(row.withKind(RowKind.INSERT));
        }
        history.put(ts, updated);
        Row value = handle.getValue();
        for (Row row : rows) {
            emit(row, value);
        }
    }

    /** ROWS n PRECEDING: each row is added; once more than n + 1 rows are in the frame, the oldest leaves. */
    private void processRowsBounded(List<Row> rows, long ts) throws Exception {
        TreeMap<Long, List<Row>> frame = new TreeMap<>();
        long count = 0;
        for (Map.Entry<Long, List<Row>> e : history.entries()) {
            frame.put(e.getKey(), e.getValue());
            count += e.getValue().size();
        }
        Set<Long> touched = new HashSet<>();
        for (Row row : rows) {
            mutable(frame, ts, touched).add(row.withKind(RowKind.INSERT));
            handle.accumulate(row);
            count++;
            if (count > preceding + 1) {
                long oldest = frame.firstKey();
                List<Row> first = mutable(frame, oldest, touched);
                handle.retract(first.remove(0));
                if (first.isEmpty()) {
                    frame.remove(oldest);
                }
                count--;
            }
            emit(row, handle.getValue());
        }
        for (Long t : touched) {
            List<Row> list = frame.get(t);
            if (list == null) {
                history.remove(t);
            } else {
                history.put(t, list);
            }
        }
    }

    /** The frame's list at {@code t} as a private copy (state may hand out its own objects), created if absent. */
    private static List<Row> mutable(TreeMap<Long, List<Row>> frame, long t, Set<Long> touched) {
        List<Row> list = frame.get(t);
        if (touched.add(t)) {
            list = list == null ? new ArrayList<>() : new ArrayList<>(list);
            frame.put(t, list);
        }
        return list;
    }

    private void emit(Row row, Row values) {
        int n = row.arity();
        Object[] f = new Object[n + values.arity()];
        System.arraycopy(row.fields(), 0, f, 0, n);
        System.arraycopy(values.fields(), 0, f, n, values.arity());
        output.collect(new Row(RowKind.INSERT, f));
    }

    @Override
    public long processWatermark(long watermark) {
        functionContext.setCurrentWatermark(watermark);
        return watermark;
    }

    @Override
    public void snapshotState(long checkpointId) throws Exception {
        if (progress != null) {
            progress.snapshot();
        }
    }

    @Override
    public void close() {
        if (handle != null) {
            handle.close();
        }
    }
}
