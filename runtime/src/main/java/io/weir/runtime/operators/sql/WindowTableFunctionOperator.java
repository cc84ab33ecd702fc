package io.weir.runtime.operators.sql;

import io.weir.runtime.data.Row;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.Output;
import io.weir.runtime.operators.ProcessingTimeService;
import java.util.Objects;

/**
 * Window assignment of a windowing TVF ({@code TUMBLE}, {@code HOP}, {@code CUMULATE}) that is not
 * followed by a window aggregation (window join, window Top-N, window deduplication, or plain
 * {@code SELECT * FROM TABLE(TUMBLE(...))}): emits each input row once per window containing it,
 * as {@code row ++ [window_start, window_end, window_time]} ({@code window_time} the window's last
 * millisecond; for a {@code TIMESTAMP_LTZ} time attribute the assigner is shifted to the session time
 * zone, so start and end are local wall-clock millis and {@code window_time} the instant), keeping
 * the row kind (insert-only in practice). Stateless; watermarks pass
 * through; rows are never judged late here (the windowed operators after it drop them).
 *
 * <p>Event time: the window is found from field {@code timeIndex}; a row whose time is NULL is
 * dropped and counted (as Flink does). Processing time: from the clock when the row arrives.
 */
public final class WindowTableFunctionOperator implements OneInputStreamOperator {
    private final SliceAssigner assigner;
    private final int timeIndex;
    private final boolean isRowtime;
    private OperatorContext context;
    private Output output;
    private ProcessingTimeService clock;

    /**
     * @param assigner the windows (their slices: every window is a union of slices)
     * @param timeIndex the time attribute field (read only when {@code isRowtime})
     */
    public WindowTableFunctionOperator(SliceAssigner assigner, int timeIndex, boolean isRowtime) {
        this.assigner = Objects.requireNonNull(assigner, "assigner");
        this.timeIndex = timeIndex;
        this.isRowtime = isRowtime;
    }

    /** A non-keyed factory (runs chained after its input, at the input's parallelism). */
    public static OperatorFactory factory(String name, String uid, SliceAssigner assigner, int timeIndex,
                                          boolean isRowtime) {
        return OperatorFactory.of(name, uid, () -> new WindowTableFunctionOperator(assigner, timeIndex, isRowtime));
    }

    @Override
    public void open(OperatorContext context) {
        this.context = context;
        this.output = context.output();
        this.clock = context.processingTimeService();
    }

    @Override
    public void processElement(Row row) {
        long time;
        if (isRowtime) {
            Object t = row.getField(timeIndex);
            if (t == null) {
                context.metrics().incrementLateRecordsDropped();
                return;
            }
            time = ((Number) t).longValue();
        } else {
            time = clock.currentProcessingTime();
        }
        long slice = assigner.assignSliceEnd(time);
        long last = assigner.lastWindowEnd(slice);
        for (long end = assigner.firstWindowEnd(slice); end <= last; end = assigner.nextWindowEnd(end)) {
            output.collect(withWindow(row, assigner.windowStart(end), end, assigner.triggerTime(end)));
        }
    }

    private static Row withWindow(Row row, long start, long end, long windowTime) {
        int n = row.arity();
        Object[] f = new Object[n + 3];
        System.arraycopy(row.fields(), 0, f, 0, n);
        f[n] = start;
        f[n + 1] = end;
        f[n + 2] = windowTime;
        return new Row(row.getKind(), f);
    }
}
