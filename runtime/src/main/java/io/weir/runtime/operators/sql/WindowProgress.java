package io.weir.runtime.operators.sql;

import io.weir.checkpoint.serialization.LongSerializer;
import io.weir.checkpoint.state.ListState;
import io.weir.checkpoint.state.ListStateDescriptor;
import io.weir.runtime.data.Row;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.TimerService;
import java.util.List;

/**
 * The event-time progress of a window operator, which decides whether a row is late. The timer
 * service's watermark starts at {@code Long.MIN_VALUE} after a restore, so, as Flink's window
 * operators do, the watermark at the last checkpoint is kept in union operator state and restored
 * (the minimum over the old subtasks, so no row is wrongly called late after rescaling).
 * Task thread only.
 */
final class WindowProgress {
    private final TimerService<Long> timers;
    private final ListState<Long> state;
    private long restored = Long.MIN_VALUE;

    WindowProgress(OperatorContext context, TimerService<Long> timers) throws Exception {
        this.timers = timers;
        this.state = context.operatorStateBackend().getUnionListState(
            new ListStateDescriptor<>("window-watermark", LongSerializer.INSTANCE));
        boolean any = false;
        long min = Long.MAX_VALUE;
        for (Long w : state.get()) {
            any = true;
            min = Math.min(min, w);
        }
        if (any) {
            restored = min;
        }
    }

    /** The watermark that rows are judged by. */
    long currentWatermark() {
        return Math.max(restored, timers.currentWatermark());
    }

    void snapshot() throws Exception {
        state.update(List.of(currentWatermark()));
    }

    /** The event or processing time of a row: its time attribute field, or the clock. */
    static long timeOf(Row row, int timeIndex, boolean isRowtime, TimerService<Long> timers) {
        if (!isRowtime) {
            return timers.currentProcessingTime();
        }
        Object t = row.getField(timeIndex);
        if (t == null) {
            throw new IllegalArgumentException("window aggregation: the time attribute (field " + timeIndex
                + ") of row " + row + " is NULL; a rowtime column must not be NULL");
        }
        return ((Number) t).longValue();
    }
}
