package io.weir.runtime.operators.sql.join;

import io.weir.checkpoint.state.internal.InternalListState;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.TimerService;
import io.weir.runtime.operators.sql.WindowTriggerTime;
import java.time.ZoneId;

/**
 * Keeps rows of a windowing-TVF input in list state under their {@code window_end} until the window
 * fires, as the window join and window Top-N do: a row whose window already fired (rowtime) is
 * dropped and counted late, otherwise it is added and a timer for the window's trigger time is
 * registered (one timer per key and window). Task thread only; created in the operator's open.
 */
public final class WindowRowBuffer {
    private final OperatorContext context;
    private final TimerService<Long> timers;
    private final EventTimeProgress progress;
    private final boolean isRowtime;
    private final ZoneId shiftTimeZone;
    private final String operator;

    public WindowRowBuffer(OperatorContext context, TimerService<Long> timers, EventTimeProgress progress,
                           boolean isRowtime, ZoneId shiftTimeZone, String operator) {
        this.context = context;
        this.timers = timers;
        this.progress = progress;
        this.isRowtime = isRowtime;
        this.shiftTimeZone = shiftTimeZone;
        this.operator = operator;
    }

    /** Buffers {@code row} (its {@code window_end} at {@code windowEndIndex}) in {@code state} for the current key. */
    public void add(Row row, int windowEndIndex, InternalListState<Row, Long, Row> state) throws Exception {
        Object end = row.getField(windowEndIndex);
        if (end == null) {
            throw new IllegalArgumentException(operator + ": window_end (field " + windowEndIndex + ") of row "
                + row + " is NULL");
        }
        long windowEnd = ((Number) end).longValue();
        long fireTime = WindowTriggerTime.of(windowEnd, shiftTimeZone);
        if (isRowtime && fireTime <= progress.currentWatermark()) {
            context.metrics().incrementLateRecordsDropped();
            return;
        }
        state.setCurrentNamespace(windowEnd);
        state.add(row.withKind(RowKind.INSERT));
        if (isRowtime) {
            timers.registerEventTimeTimer(windowEnd, fireTime);
        } else {
            timers.registerProcessingTimeTimer(windowEnd, fireTime);
        }
    }
}
