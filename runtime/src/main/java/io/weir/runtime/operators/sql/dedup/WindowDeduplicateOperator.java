package io.weir.runtime.operators.sql.dedup;

import io.weir.checkpoint.state.ValueStateDescriptor;
import io.weir.checkpoint.state.internal.InternalValueState;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
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
import io.weir.runtime.serialization.RowSerializer;
import io.weir.runtime.types.RowType;
import io.weir.runtime.operators.sql.WindowTriggerTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Window deduplication: over an input already assigned to windows (each row carries its
 * {@code window_end}), keeps per partition key and window the first or last row by event time
 * (ties: the first / the last to arrive) and emits it ({@code +I}) when the watermark passes the
 * window end. State: one row per key and window ({@code ValueState}, namespace = window end),
 * cleared when the window fires. Rows of a window that already fired are dropped and counted late.
 */
public final class WindowDeduplicateOperator implements OneInputStreamOperator {
    static final String STATE_NAME = "window-dedup-row";

    private final RowType inputType;
    private final int rowtimeIndex;
    private final int windowEndIndex;
    private final boolean keepLast;
    private ZoneId shiftTimeZone = ZoneOffset.UTC;
    private OperatorContext context;
    private Output output;
    private InternalValueState<Row, Long, Row> state;
    private TimerService<Long> timers;
    private EventTimeProgress progress;

    /**
     * @param rowtimeIndex the event-time field the rows are ordered by
     * @param windowEndIndex the {@code window_end} field
     * @param keepLast keep the last row ({@code ORDER BY rowtime DESC}) or the first ({@code ASC})
     */
    public WindowDeduplicateOperator(RowType inputType, int rowtimeIndex, int windowEndIndex, boolean keepLast) {
        this.inputType = Objects.requireNonNull(inputType, "inputType");
        this.rowtimeIndex = rowtimeIndex;
        this.windowEndIndex = windowEndIndex;
        this.keepLast = keepLast;
    }

    /** A keyed factory; {@code key} selects the partition fields (of type {@code keyType}). */
    public static OperatorFactory factory(String name, String uid, KeySelector key, RowType keyType, RowType inputType,
                                          int rowtimeIndex, int windowEndIndex, boolean keepLast) {
        return OperatorFactory.keyed(name, uid,
            () -> new WindowDeduplicateOperator(inputType, rowtimeIndex, windowEndIndex, keepLast), keyType, key);
    }

    /**
     * As the other factory, for windows over a {@code TIMESTAMP_LTZ} time attribute, whose
     * {@code window_end} is local time in {@code shiftTimeZone} (see {@code WindowTriggerTime}).
     */
    public static OperatorFactory factory(String name, String uid, KeySelector key, RowType keyType, RowType inputType,
                                          int rowtimeIndex, int windowEndIndex, boolean keepLast, ZoneId shiftTimeZone) {
        Objects.requireNonNull(shiftTimeZone, "shiftTimeZone");
        return OperatorFactory.keyed(name, uid, () -> {
            WindowDeduplicateOperator op = new WindowDeduplicateOperator(inputType, rowtimeIndex, windowEndIndex,
                keepLast);
            op.shiftTimeZone = shiftTimeZone;
            return op;
        }, keyType, key);
    }

    @Override
    public void open(OperatorContext context) throws Exception {
        this.context = context;
        this.output = context.output();
        this.state = context.keyedStateBackend().getOrCreateValueState(LongSerializer.INSTANCE,
            new ValueStateDescriptor<>(STATE_NAME, new RowSerializer(inputType)));
        this.timers = context.timerService(LongSerializer.INSTANCE);
        this.progress = new EventTimeProgress(context, timers);
    }

    @Override
    public void snapshotState(long checkpointId) throws Exception {
        progress.snapshot();
    }

    @Override
    public void processElement(Row row) throws Exception {
        long windowEnd = longField(row, windowEndIndex, "window_end");
        long fireTime = WindowTriggerTime.of(windowEnd, shiftTimeZone);
        if (fireTime <= progress.currentWatermark()) {
            context.metrics().incrementLateRecordsDropped();
            return;
        }
        state.setCurrentNamespace(windowEnd);
        Row kept = state.value();
        if (kept == null) {
            timers.registerEventTimeTimer(windowEnd, fireTime);
        } else {
            long ts = longField(row, rowtimeIndex, "rowtime");
            long prev = longField(kept, rowtimeIndex, "rowtime");
            if (keepLast ? ts < prev : ts >= prev) {
                return;
            }
        }
        state.update(row.withKind(RowKind.INSERT));
    }

    private static long longField(Row row, int index, String what) {
        Object v = row.getField(index);
        if (v == null) {
            throw new IllegalArgumentException("window deduplication: " + what + " (field " + index + ") of row "
                + row + " is NULL");
        }
        return ((Number) v).longValue();
    }

    @Override
    public void onTimer(Timer<?> timer) throws Exception {
        if (timer.domain() != TimeDomain.EVENT_TIME) {
            return;
        }
        state.setCurrentNamespace((Long) timer.namespace());
        Row kept = state.value();
        if (kept != null) {
            output.collect(kept);
            state.clear();
        }
    }
}
