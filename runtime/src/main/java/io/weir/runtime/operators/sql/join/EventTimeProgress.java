package io.weir.runtime.operators.sql.join;

import io.weir.checkpoint.state.ListState;
import io.weir.checkpoint.state.ListStateDescriptor;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.TimerService;
import io.weir.checkpoint.serialization.LongSerializer;
import java.util.List;

/**
 * The event-time progress by which the window operators of the join, rank and dedup packages judge
 * rows late. The timer service's watermark starts at {@code Long.MIN_VALUE} after a restore, so the
 * watermark at the last checkpoint is kept in union operator state and restored (the minimum over the
 * old subtasks, so no row is wrongly called late after rescaling), as the window aggregation does.
 * Create in {@code open}; call {@link #snapshot()} from {@code snapshotState}. Task thread only.
 */
public final class EventTimeProgress {
    private final TimerService<?> timers;
    private final ListState<Long> state;
    private long restored = Long.MIN_VALUE;

    public EventTimeProgress(OperatorContext context, TimerService<?> timers) throws Exception {
        this.timers = timers;
        this.state = context.operatorStateBackend().getUnionListState(
            new ListStateDescriptor<>("event-time-progress", LongSerializer.INSTANCE));
        long min = Long.MAX_VALUE;
        boolean any = false;
        for (Long w : state.get()) {
            any = true;
            min = Math.min(min, w);
        }
        if (any) {
            restored = min;
        }
    }

    /** The watermark rows are judged by: the timer service's, or the restored one if that is larger. */
    public long currentWatermark() {
        return Math.max(restored, timers.currentWatermark());
    }

    /** Records the current watermark for the next restore. */
    public void snapshot() throws Exception {
        state.update(List.of(currentWatermark()));
    }
}
