package io.weir.runtime.operators.sql.rank;

import io.weir.checkpoint.state.ListStateDescriptor;
import io.weir.checkpoint.state.internal.InternalListState;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.generated.GeneratedClass;
import io.weir.runtime.generated.RecordComparator;
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
import io.weir.runtime.operators.sql.join.WindowRowBuffer;
import io.weir.runtime.operators.sql.join.GeneratedInstances;
import io.weir.runtime.serialization.RowSerializer;
import io.weir.runtime.types.RowType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Window Top-N: over an insert-only input already assigned to windows (each row carries its
 * {@code window_end}), ranks the rows of each partition key and window when the window closes and
 * emits those ranked in {@code [rankStart, rankEnd]} as {@code +I} (with the rank appended as BIGINT
 * if asked), in rank order. Rows wait in {@code ListState} (namespace = window end), cleared when
 * the window fires at {@code window_end - 1} (event time: the watermark; processing time: the
 * clock). In event time, rows of a window that already fired are dropped and counted late.
 */
public final class WindowTopNOperator implements OneInputStreamOperator {
    static final String STATE_NAME = "window-topn-rows";

    private final RowType inputType;
    private final Supplier<RecordComparator> comparatorFactory;
    private final Ranking ranking;
    private final int windowEndIndex;
    private final boolean isRowtime;
    private final ZoneId zone;
    private ZoneId shiftTimeZone = java.time.ZoneOffset.UTC;
    private final List<Row> rows = new ArrayList<>();
    private OperatorContext context;
    private Output output;
    private InternalListState<Row, Long, Row> state;
    private TimerService<Long> timers;
    private EventTimeProgress progress;
    private WindowRowBuffer buffer;

    /** See {@link TopNOperator} for the ranking parameters; {@code windowEndIndex} is the {@code window_end} field. */
    public WindowTopNOperator(RowType inputType, GeneratedClass<RecordComparator> comparator, RankType rankType,
                              long rankStart, long rankEnd, boolean outputRankNumber, int windowEndIndex,
                              boolean isRowtime, ZoneId zone) {
        this(inputType, GeneratedInstances.supplier(Objects.requireNonNull(comparator, "comparator")), rankType,
            rankStart, rankEnd, outputRankNumber, windowEndIndex, isRowtime, zone);
    }

    WindowTopNOperator(RowType inputType, Supplier<RecordComparator> comparator, RankType rankType, long rankStart,
                       long rankEnd, boolean outputRankNumber, int windowEndIndex, boolean isRowtime, ZoneId zone) {
        this.inputType = Objects.requireNonNull(inputType, "inputType");
        this.comparatorFactory = Objects.requireNonNull(comparator, "comparator");
        this.ranking = new Ranking(Objects.requireNonNull(rankType, "rankType"), rankStart, rankEnd, outputRankNumber);
        this.windowEndIndex = windowEndIndex;
        this.isRowtime = isRowtime;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A keyed factory; {@code partitionKey} selects the {@code PARTITION BY} fields other than the window. */
    public static OperatorFactory factory(String name, String uid, KeySelector partitionKey, RowType keyType,
                                          RowType inputType, GeneratedClass<RecordComparator> comparator,
                                          RankType rankType, long rankStart, long rankEnd, boolean outputRankNumber,
                                          int windowEndIndex, boolean isRowtime, ZoneId zone) {
        new Ranking(rankType, rankStart, rankEnd, outputRankNumber);
        return OperatorFactory.keyed(name, uid, () -> new WindowTopNOperator(inputType, comparator, rankType,
            rankStart, rankEnd, outputRankNumber, windowEndIndex, isRowtime, zone), keyType, partitionKey);
    }

    /**
     * As the other factory, for windows over a {@code TIMESTAMP_LTZ} time attribute, whose
     * {@code window_end} is local time in {@code shiftTimeZone} (see {@code WindowTriggerTime}).
     */
    public static OperatorFactory factory(String name, String uid, KeySelector partitionKey, RowType keyType,
                                          RowType inputType, GeneratedClass<RecordComparator> comparator,
                                          RankType rankType, long rankStart, long rankEnd, boolean outputRankNumber,
                                          int windowEndIndex, boolean isRowtime, ZoneId zone, ZoneId shiftTimeZone) {
        new Ranking(rankType, rankStart, rankEnd, outputRankNumber);
        Objects.requireNonNull(shiftTimeZone, "shiftTimeZone");
        return OperatorFactory.keyed(name, uid, () -> {
            WindowTopNOperator op = new WindowTopNOperator(inputType, comparator, rankType, rankStart, rankEnd,
                outputRankNumber, windowEndIndex, isRowtime, zone);
            op.shiftTimeZone = shiftTimeZone;
            return op;
        }, keyType, partitionKey);
    }

    @Override
    public void open(OperatorContext context) throws Exception {
        this.context = context;
        this.output = context.output();
        RecordComparator comparator = comparatorFactory.get();
        comparator.open(new TaskFunctionContext(zone, context.processingTimeService()));
        ranking.setComparator(comparator);
        this.state = context.keyedStateBackend().getOrCreateListState(LongSerializer.INSTANCE,
            new ListStateDescriptor<>(STATE_NAME, new RowSerializer(inputType)));
        this.timers = context.timerService(LongSerializer.INSTANCE);
        this.progress = new EventTimeProgress(context, timers);
        this.buffer = new WindowRowBuffer(context, timers, progress, isRowtime, shiftTimeZone, "window Top-N");
    }

    @Override
    public void processElement(Row row) throws Exception {
        buffer.add(row, windowEndIndex, state);
    }

    @Override
    public void onTimer(Timer<?> timer) throws Exception {
        if (timer.domain() != (isRowtime ? TimeDomain.EVENT_TIME : TimeDomain.PROCESSING_TIME)) {
            return;
        }
        state.setCurrentNamespace((Long) timer.namespace());
        Iterable<Row> stored = state.get();
        if (stored == null) {
            return;
        }
        rows.clear();
        stored.forEach(rows::add);
        rows.sort(ranking.comparator()); // stable: ties stay in arrival order
        int n = ranking.computeRanks(rows);
        for (int i = 0; i < n; i++) {
            long rank = ranking.rank(i);
            if (ranking.inRange(rank)) {
                output.collect(ranking.output(RowKind.INSERT, rows.get(i), rank));
            }
        }
        rows.clear();
        state.clear();
    }

    @Override
    public void snapshotState(long checkpointId) throws Exception {
        progress.snapshot();
    }

    @Override
    public void close() {
        if (ranking.comparator() != null) {
            ranking.comparator().close();
        }
    }
}
