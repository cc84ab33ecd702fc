package io.weir.runtime.operators.sql;

import io.weir.checkpoint.serialization.LongSerializer;
import io.weir.checkpoint.state.ValueState;
import io.weir.checkpoint.state.ValueStateDescriptor;
import io.weir.checkpoint.state.internal.InternalValueState;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.generated.GeneratedClass;
import io.weir.runtime.generated.NamespaceAggsHandle;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.Output;
import io.weir.runtime.operators.TimeDomain;
import io.weir.runtime.operators.Timer;
import io.weir.runtime.operators.TimerService;
import io.weir.runtime.serialization.RowSerializer;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Window aggregation over SESSION windows with a gap, in event or processing time, keyed by the
 * {@code PARTITION BY} (and grouping) fields; an aggregation without them uses an empty key. Output
 * is insert-only: {@code key ++ aggregate values ++ window properties}.
 *
 * <p>Each row opens the window {@code [t, t + gap)}; windows of one key that overlap or touch are
 * merged (as Flink's {@code TimeWindow.intersects}) into one session, whose accumulators are merged
 * with {@link NamespaceAggsHandle#merge}. A session fires when the watermark (or the clock) reaches
 * its {@code end - 1}, and its state is cleared then.
 *
 * <p>State per key: the list of open sessions (a row of {@code [start, end, id]} triples in
 * {@code ValueState}) and one accumulator row per session (namespace = the session's id, the start
 * of its first window, which stays the same when sessions merge). One event- or processing-time
 * timer per session at {@code end - 1}, namespace = id. A row whose own window is already past the
 * watermark and that merges into no open session is late: dropped and counted.
 */
public final class SessionWindowAggOperator implements OneInputStreamOperator {
    static final String SESSIONS_STATE = "sessions";
    static final String ACC_STATE = "session-accumulators";
    private static final RowType SESSIONS_TYPE = RowType.of(new String[] {"sessions"},
        new DataType[] {DataType.array(DataType.bigint().notNull()).notNull()});

    private final Supplier<NamespaceAggsHandle> handleFactory;
    private final long gap;
    private final int timeIndex;
    private final boolean isRowtime;
    private final ZoneId zone;
    private OperatorContext context;
    private Output output;
    private NamespaceAggsHandle handle;
    private ValueState<Row> sessionsState;
    private InternalValueState<Row, Long, Row> accs;
    private TimerService<Long> timers;
    private WindowProgress progress;
    private OperatorFunctionContext functionContext;

    /** @param gapMillis the session gap; see {@link WindowAggOperator} for the other parameters */
    public SessionWindowAggOperator(GeneratedClass<NamespaceAggsHandle> aggs, long gapMillis, int timeIndex,
                                    boolean isRowtime, ZoneId zone) {
        this(Generated.supplier(aggs), gapMillis, timeIndex, isRowtime, zone);
    }

    SessionWindowAggOperator(Supplier<NamespaceAggsHandle> handleFactory, long gapMillis, int timeIndex,
                             boolean isRowtime, ZoneId zone) {
        if (gapMillis <= 0) {
            throw new IllegalArgumentException("SESSION window gap must be positive: " + gapMillis + " ms");
        }
        this.handleFactory = Objects.requireNonNull(handleFactory, "aggs");
        this.gap = gapMillis;
        this.timeIndex = timeIndex;
        this.isRowtime = isRowtime;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public static OperatorFactory factory(String name, String uid, KeySelector key, RowType keyType,
                                          GeneratedClass<NamespaceAggsHandle> aggs, long gapMillis, int timeIndex,
                                          boolean isRowtime, ZoneId zone) {
        return OperatorFactory.keyed(name, uid,
            () -> new SessionWindowAggOperator(aggs, gapMillis, timeIndex, isRowtime, zone), keyType, key);
    }

    @Override
    public void open(OperatorContext context) throws Exception {
        this.context = context;
        this.output = context.output();
        this.handle = handleFactory.get();
        this.functionContext = new OperatorFunctionContext(zone, context.processingTimeService());
        handle.open(functionContext);
        this.sessionsState = context.getState(new ValueStateDescriptor<>(SESSIONS_STATE, new RowSerializer(SESSIONS_TYPE)));
        this.accs = context.keyedStateBackend().getOrCreateValueState(LongSerializer.INSTANCE,
            new ValueStateDescriptor<>(ACC_STATE, new RowSerializer(handle.accumulatorType())));
        this.timers = context.timerService(LongSerializer.INSTANCE);
        this.progress = new WindowProgress(context, timers);
    }

    @Override
    public void processElement(Row row) throws Exception {
        long ts = WindowProgress.timeOf(row, timeIndex, isRowtime, timers);
        long start = ts;
        long end = ts + gap;
        List<Long> sessions = loadSessions();
        long target = Long.MIN_VALUE;
        boolean merged = false;
        for (int i = 0; i < sessions.size(); ) {
            long s = sessions.get(i);
            long e = sessions.get(i + 1);
            long id = sessions.get(i + 2);
            if (s <= end && e >= start) {
                deleteTimer(id, e);
                if (!merged) {
                    target = id;
                    loadAccumulators(id);
                    merged = true;
                } else {
                    mergeAway(id);
                }
                start = Math.min(start, s);
                end = Math.max(end, e);
                sessions.subList(i, i + 3).clear();
            } else {
                i += 3;
            }
        }
        if (!merged) {
            if (isRowtime && end - 1 <= progress.currentWatermark()) {
                context.metrics().incrementLateRecordsDropped();
                return;
            }
            target = ts;
            handle.resetAccumulators();
        }
        if (row.getKind() == RowKind.INSERT || row.getKind() == RowKind.UPDATE_AFTER) {
            handle.accumulate(row);
        } else {
            handle.retract(row);
        }
        accs.setCurrentNamespace(target);
        accs.update(handle.getAccumulators());
        sessions.add(start);
        sessions.add(end);
        sessions.add(target);
        sessionsState.update(Row.of(sessions));
        registerTimer(target, end);
    }

    @SuppressWarnings("unchecked")
    private List<Long> loadSessions() throws Exception {
        Row r = sessionsState.value();
        return r == null ? new ArrayList<>(3) : new ArrayList<>((List<Long>) r.getField(0));
    }

    private void loadAccumulators(long id) throws Exception {
        accs.setCurrentNamespace(id);
        Row acc = accs.value();
        if (acc == null) {
            handle.resetAccumulators();
        } else {
            handle.setAccumulators(acc);
        }
    }

    /** Merges session {@code id}'s accumulators into the handle's and drops its state. */
    private void mergeAway(long id) throws Exception {
        accs.setCurrentNamespace(id);
        Row acc = accs.value();
        if (acc != null) {
            handle.merge(acc);
        }
        accs.clear();
    }

    private void registerTimer(long id, long end) {
        if (isRowtime) {
            timers.registerEventTimeTimer(id, end - 1);
        } else {
            timers.registerProcessingTimeTimer(id, end - 1);
        }
    }

    private void deleteTimer(long id, long end) {
        if (isRowtime) {
            timers.deleteEventTimeTimer(id, end - 1);
        } else {
            timers.deleteProcessingTimeTimer(id, end - 1);
        }
    }

    @Override
    public void onTimer(Timer<?> timer) throws Exception {
        if (timer.domain() != (isRowtime ? TimeDomain.EVENT_TIME : TimeDomain.PROCESSING_TIME)) {
            return;
        }
        long id = (Long) timer.namespace();
        List<Long> sessions = loadSessions();
        for (int i = 0; i < sessions.size(); i += 3) {
            if (sessions.get(i + 2) == id && sessions.get(i + 1) - 1 == timer.timestamp()) {
                fire(id, sessions.get(i), sessions.get(i + 1));
                sessions.subList(i, i + 3).clear();
                if (sessions.isEmpty()) {
                    sessionsState.clear();
                } else {
                    sessionsState.update(Row.of(sessions));
                }
                return;
            }
        }
    }

    private void fire(long id, long start, long end) throws Exception {
        accs.setCurrentNamespace(id);
        Row acc = accs.value();
        if (acc != null) {
            handle.setAccumulators(acc);
            output.collect(GroupChangelog.join(RowKind.INSERT, context.currentKey(), handle.getValue(start, end)));
            accs.clear();
        }
    }

    /** Whether {@code key} has open sessions (for tests of state cleanup); changes the current key. */
    boolean hasOpenSessions(Row key) throws Exception {
        context.keyedStateBackend().setCurrentKey(key);
        return sessionsState.value() != null;
    }

    @Override
    public long processWatermark(long watermark) {
        functionContext.setCurrentWatermark(watermark);
        return watermark;
    }

    @Override
    public void snapshotState(long checkpointId) throws Exception {
        progress.snapshot();
    }

    @Override
    public void close() {
        if (handle != null) {
            handle.close();
        }
    }
}
