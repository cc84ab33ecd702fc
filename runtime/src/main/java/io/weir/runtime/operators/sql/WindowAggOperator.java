package io.weir.runtime.operators.sql;

import io.weir.checkpoint.serialization.LongSerializer;
import io.weir.checkpoint.state.KeyedStateBackend;
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
import io.weir.runtime.types.RowType;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Window aggregation over TUMBLE, HOP and CUMULATE windows with slicing (see {@link SliceAssigner}),
 * in event time (the watermark) or processing time (the clock). Keyed by the grouping fields (an
 * aggregation without {@code GROUP BY} uses an empty key); output is insert-only:
 * {@code key ++ aggregate values ++ window properties}, as {@link NamespaceAggsHandle#getValue(long, long)}
 * lays them out.
 *
 * <p>State: one accumulator row per key and slice ({@code ValueState}, namespace = slice end). Each
 * row is accumulated once, into its slice. For the first unfired window a new slice belongs to, a
 * timer is registered at {@code window end - 1} in event time, at the window end in processing time
 * (namespace = window end; see {@link SliceAssigner} for time zones), and a firing window registers
 * the next window while one of its slices belongs to it too (as Flink's slice-shared windows do); when it fires, the window's slices
 * are merged ({@link NamespaceAggsHandle#merge}) and the result emitted, and slices whose last
 * window this was are cleared, so state of fired windows does not outlive them.
 *
 * <p>Rows are first buffered in memory per key and slice ({@link SliceBuffer}, up to
 * {@link #MAX_BUFFERED_ROWS}) and folded into state when the buffer is full, before any timer fires
 * and before a checkpoint, so hot keys cost one state access per batch (this matters most on RocksDB).
 *
 * <p>Late rows: in event time a row whose slice's last window already fired
 * ({@code lastWindowEnd - 1 <= watermark}) is dropped and counted
 * ({@link io.weir.runtime.operators.OperatorMetrics#incrementLateRecordsDropped()}); as in Flink, a
 * HOP or CUMULATE row whose earlier windows fired still counts for its later windows.
 *
 * <p>Cascaded window aggregation (Flink's window-attached windowing): with
 * {@link SliceAssigner#windowed} and {@code timeIndex} = the input's {@code window_end} column, each
 * row's slice is the window it already carries, each window is one slice and one timer, and a row
 * whose window already fired is late.
 */
public final class WindowAggOperator implements OneInputStreamOperator {
    static final String STATE_NAME = "slice-accumulators";
    /** Rows buffered before they are folded into state (bounds the buffer's memory). */
    static final int MAX_BUFFERED_ROWS = 4096;

    private final int maxBufferedRows;

    private final Supplier<NamespaceAggsHandle> handleFactory;
    private final SliceAssigner assigner;
    private final int timeIndex;
    private final boolean isRowtime;
    private final ZoneId zone;
    private OperatorContext context;
    private Output output;
    private NamespaceAggsHandle handle;
    private InternalValueState<Row, Long, Row> slices;
    private TimerService<Long> timers;
    private WindowProgress progress;
    private OperatorFunctionContext functionContext;
    private KeyedStateBackend<Row> keyedBackend;
    private final SliceBuffer buffer = new SliceBuffer();

    /**
     * @param aggs the generated aggregate functions with the requested window properties
     * @param assigner the window kind and sizes
     * @param timeIndex the input field of the time attribute (read only when {@code isRowtime})
     * @param isRowtime event time (fire on the watermark) or processing time (fire on the clock)
     */
    public WindowAggOperator(GeneratedClass<NamespaceAggsHandle> aggs, SliceAssigner assigner, int timeIndex,
                             boolean isRowtime, ZoneId zone) {
        this(Generated.supplier(aggs), assigner, timeIndex, isRowtime, zone, MAX_BUFFERED_ROWS);
    }

    WindowAggOperator(Supplier<NamespaceAggsHandle> handleFactory, SliceAssigner assigner, int timeIndex,
                      boolean isRowtime, ZoneId zone, int maxBufferedRows) {
        this.maxBufferedRows = maxBufferedRows;
        this.handleFactory = Objects.requireNonNull(handleFactory, "aggs");
        this.assigner = Objects.requireNonNull(assigner, "assigner");
        this.timeIndex = timeIndex;
        this.isRowtime = isRowtime;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A keyed factory; {@code key} selects the grouping fields (of type {@code keyType}; may have no fields). */
    public static OperatorFactory factory(String name, String uid, KeySelector key, RowType keyType,
                                          GeneratedClass<NamespaceAggsHandle> aggs, SliceAssigner assigner,
                                          int timeIndex, boolean isRowtime, ZoneId zone) {
        return OperatorFactory.keyed(name, uid, () -> new WindowAggOperator(aggs, assigner, timeIndex, isRowtime, zone),
            keyType, key);
    }

    @Override
    public void open(OperatorContext context) throws Exception {
        this.context = context;
        this.output = context.output();
        this.handle = handleFactory.get();
        this.functionContext = new OperatorFunctionContext(zone, context.processingTimeService());
        handle.open(functionContext);
        this.keyedBackend = context.keyedStateBackend();
        this.slices = keyedBackend.getOrCreateValueState(LongSerializer.INSTANCE,
            new ValueStateDescriptor<>(STATE_NAME, new RowSerializer(handle.accumulatorType())));
        this.timers = context.timerService(LongSerializer.INSTANCE);
        this.progress = new WindowProgress(context, timers);
    }

    @Override
    public void processElement(Row row) throws Exception {
        long ts = WindowProgress.timeOf(row, timeIndex, isRowtime, timers);
        long sliceEnd = assigner.assignSliceEnd(ts);
        long watermark = progress.currentWatermark();
        if (isRowtime && assigner.triggerTime(assigner.lastWindowEnd(sliceEnd)) <= watermark) {
            context.metrics().incrementLateRecordsDropped();
            return;
        }
        if (buffer.add(context.currentKey(), sliceEnd, row)) {
            // registered at arrival, so a window fires even if the watermark passes it before the buffer is folded
            registerWindows(sliceEnd, watermark);
        }
        if (buffer.size() >= maxBufferedRows) {
            flushBuffer();
        }
    }

    /**
     * Folds the buffered rows into slice state: one state read and write per key and slice. Called
     * when the buffer is full, before a timer fires and before a checkpoint. Restores the backend's
     * current key.
     */
    private void flushBuffer() throws Exception {
        if (buffer.isEmpty()) {
            return;
        }
        Row current = keyedBackend.getCurrentKey();
        Row key = current;
        for (Iterator<Map.Entry<SliceBuffer.KeySlice, List<Row>>> it = buffer.groups(); it.hasNext(); ) {
            Map.Entry<SliceBuffer.KeySlice, List<Row>> group = it.next();
            if (group.getKey().key != key) {
                key = group.getKey().key;
                keyedBackend.setCurrentKey(key);
            }
            fold(group.getKey().slice, group.getValue());
        }
        buffer.clear();
        if (key != current && current != null) {
            keyedBackend.setCurrentKey(current);
        }
    }

    private void fold(long sliceEnd, List<Row> rows) throws Exception {
        slices.setCurrentNamespace(sliceEnd);
        Row acc = slices.value();
        if (acc == null) {
            handle.resetAccumulators();
        } else {
            handle.setAccumulators(acc);
        }
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.getKind() == RowKind.INSERT || row.getKind() == RowKind.UPDATE_AFTER) {
                handle.accumulate(row);
            } else {
                handle.retract(row);
            }
        }
        slices.update(handle.getAccumulators());
    }

    /**
     * The timer of the first window of a new slice that has not fired yet. The slice's later windows
     * are chained: a firing window registers the next one when one of its slices lives on into it
     * (see {@link #onTimer}), so a key has one pending timer per slice run instead of one per window.
     */
    private void registerWindows(long sliceEnd, long watermark) {
        long last = assigner.lastWindowEnd(sliceEnd);
        for (long end = assigner.firstWindowEnd(sliceEnd); end <= last; end = assigner.nextWindowEnd(end)) {
            if (!isRowtime || assigner.triggerTime(end) > watermark) {
                registerWindow(end);
                return;
            }
        }
    }

    private void registerWindow(long end) {
        long trigger = assigner.triggerTime(end);
        if (!isRowtime) {
            // at the end itself, so that a row arriving in the window's last millisecond is not left behind
            timers.registerProcessingTimeTimer(end, trigger + 1);
        } else {
            timers.registerEventTimeTimer(end, trigger);
        }
    }

    @Override
    public void onTimer(Timer<?> timer) throws Exception {
        if (timer.domain() != (isRowtime ? TimeDomain.EVENT_TIME : TimeDomain.PROCESSING_TIME)) {
            return;
        }
        flushBuffer();
        long windowEnd = (Long) timer.namespace();
        boolean empty = true;
        boolean continues = false;
        for (long s = assigner.firstSliceEnd(windowEnd); s <= windowEnd; s += assigner.sliceSize()) {
            slices.setCurrentNamespace(s);
            Row acc = slices.value();
            boolean lastUse = assigner.lastWindowEnd(s) == windowEnd;
            if (acc != null) {
                if (empty && lastUse) {
                    handle.setAccumulators(acc); // the slice is cleared below, so its maps may be taken over
                } else {
                    if (empty) {
                        handle.resetAccumulators();
                    }
                    handle.merge(acc);
                }
                empty = false;
                if (lastUse) {
                    slices.clear();
                } else {
                    continues = true;
                }
            }
        }
        if (!empty) {
            Row values = handle.getValue(assigner.windowStart(windowEnd), windowEnd);
            output.collect(GroupChangelog.join(RowKind.INSERT, context.currentKey(), values));
        }
        if (continues) {
            registerWindow(assigner.nextWindowEnd(windowEnd));
        }
    }

    /** Whether any key has an accumulator for the slice ending at {@code sliceEnd} (for tests of state cleanup). */
    boolean hasSlice(long sliceEnd) throws Exception {
        flushBuffer();
        try (java.util.stream.Stream<Row> keys = context.keyedStateBackend().getKeys(STATE_NAME, sliceEnd)) {
            return keys.findAny().isPresent();
        }
    }

    @Override
    public long processWatermark(long watermark) {
        functionContext.setCurrentWatermark(watermark);
        return watermark;
    }

    @Override
    public void snapshotState(long checkpointId) throws Exception {
        flushBuffer();
        progress.snapshot();
    }

    @Override
    public void close() {
        if (handle != null) {
            handle.close();
        }
    }
}
