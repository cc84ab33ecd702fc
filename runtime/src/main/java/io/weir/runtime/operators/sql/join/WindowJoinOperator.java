package io.weir.runtime.operators.sql.join;

import io.weir.checkpoint.state.ListStateDescriptor;
import io.weir.checkpoint.state.internal.InternalListState;
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
import io.weir.runtime.types.RowType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The window join: two inputs already assigned to windows by the same windowing TVF (each row
 * carries its {@code window_end}), joined on the keys and the window when the window closes:
 * {@code INNER}, {@code LEFT}, {@code RIGHT} or {@code FULL}. Inputs insert-only; output
 * insert-only {@code left ++ right}.
 *
 * <p>Rows wait in {@code ListState} per side in the namespace of their window end; a timer at
 * {@code window_end - 1} (event time: the watermark; processing time: the clock) joins both lists,
 * pads the unmatched rows of outer sides, and clears them. In event time a row whose window has
 * already fired ({@code window_end - 1 <= watermark}) is dropped and counted as late.
 */
public final class WindowJoinOperator implements TwoInputStreamOperator {
    static final String LEFT_STATE = "window-left";
    static final String RIGHT_STATE = "window-right";

    private final JoinType joinType;
    private final RowType leftType;
    private final RowType rightType;
    private final int leftWindowEndIndex;
    private final int rightWindowEndIndex;
    private final boolean isRowtime;
    private final Supplier<JoinCondition> conditionFactory;
    private final ZoneId zone;
    private ZoneId shiftTimeZone = java.time.ZoneOffset.UTC;
    private final List<Row> lefts = new ArrayList<>();
    private final List<Row> rights = new ArrayList<>();
    private boolean[] rightMatched = new boolean[16];
    private OperatorContext context;
    private Output output;
    private JoinCondition condition;
    private InternalListState<Row, Long, Row> leftState;
    private InternalListState<Row, Long, Row> rightState;
    private TimerService<Long> timers;
    private EventTimeProgress progress;
    private WindowRowBuffer buffer;
    private JoinedRows joined;

    /**
     * @param leftWindowEndIndex the {@code window_end} field of the left input
     * @param rightWindowEndIndex the {@code window_end} field of the right input
     * @param isRowtime windows on event time (fire on the watermark) or processing time (the clock)
     * @param condition the residual condition over {@code left ++ right}, or null
     */
    public WindowJoinOperator(JoinType joinType, RowType leftType, RowType rightType, int leftWindowEndIndex,
                              int rightWindowEndIndex, boolean isRowtime, GeneratedClass<JoinCondition> condition,
                              ZoneId zone) {
        this(joinType, leftType, rightType, leftWindowEndIndex, rightWindowEndIndex, isRowtime,
            GeneratedInstances.supplier(condition), zone);
    }

    WindowJoinOperator(JoinType joinType, RowType leftType, RowType rightType, int leftWindowEndIndex,
                       int rightWindowEndIndex, boolean isRowtime, Supplier<JoinCondition> condition, ZoneId zone) {
        this.joinType = Objects.requireNonNull(joinType, "joinType");
        this.leftType = Objects.requireNonNull(leftType, "leftType");
        this.rightType = Objects.requireNonNull(rightType, "rightType");
        this.leftWindowEndIndex = leftWindowEndIndex;
        this.rightWindowEndIndex = rightWindowEndIndex;
        this.isRowtime = isRowtime;
        this.conditionFactory = Objects.requireNonNull(condition, "condition");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A keyed factory; {@code leftKey}/{@code rightKey} select the equi-join keys (of type {@code keyType}). */
    public static OperatorFactory factory(String name, String uid, JoinType joinType, KeySelector leftKey,
                                          KeySelector rightKey, RowType keyType, RowType leftType, RowType rightType,
                                          int leftWindowEndIndex, int rightWindowEndIndex, boolean isRowtime,
                                          GeneratedClass<JoinCondition> condition, ZoneId zone) {
        return OperatorFactory.keyed(name, uid, () -> new WindowJoinOperator(joinType, leftType, rightType,
            leftWindowEndIndex, rightWindowEndIndex, isRowtime, condition, zone), keyType, leftKey, rightKey);
    }

    /**
     * As {@link #factory(String, String, JoinType, KeySelector, KeySelector, RowType, RowType, RowType, int, int,
     * boolean, GeneratedClass, ZoneId)} for windows over a {@code TIMESTAMP_LTZ} time attribute, whose
     * {@code window_end} is local time in {@code shiftTimeZone} (see {@code WindowTriggerTime}).
     */
    public static OperatorFactory factory(String name, String uid, JoinType joinType, KeySelector leftKey,
                                          KeySelector rightKey, RowType keyType, RowType leftType, RowType rightType,
                                          int leftWindowEndIndex, int rightWindowEndIndex, boolean isRowtime,
                                          GeneratedClass<JoinCondition> condition, ZoneId zone, ZoneId shiftTimeZone) {
        Objects.requireNonNull(shiftTimeZone, "shiftTimeZone");
        return OperatorFactory.keyed(name, uid, () -> {
            WindowJoinOperator op = new WindowJoinOperator(joinType, leftType, rightType, leftWindowEndIndex,
                rightWindowEndIndex, isRowtime, condition, zone);
            op.shiftTimeZone = shiftTimeZone;
            return op;
        }, keyType, leftKey, rightKey);
    }

    @Override
    public void open(OperatorContext context) throws Exception {
        this.context = context;
        this.output = context.output();
        this.condition = conditionFactory.get();
        if (condition != null) {
            condition.open(new TaskFunctionContext(zone, context.processingTimeService()));
        }
        this.leftState = context.keyedStateBackend().getOrCreateListState(LongSerializer.INSTANCE,
            new ListStateDescriptor<>(LEFT_STATE, new RowSerializer(leftType)));
        this.rightState = context.keyedStateBackend().getOrCreateListState(LongSerializer.INSTANCE,
            new ListStateDescriptor<>(RIGHT_STATE, new RowSerializer(rightType)));
        this.timers = context.timerService(LongSerializer.INSTANCE);
        this.progress = new EventTimeProgress(context, timers);
        this.buffer = new WindowRowBuffer(context, timers, progress, isRowtime, shiftTimeZone, "window join");
        this.joined = new JoinedRows(leftType.arity(), rightType.arity());
    }

    @Override
    public void snapshotState(long checkpointId) throws Exception {
        progress.snapshot();
    }

    @Override
    public void processElement1(Row row) throws Exception {
        buffer.add(row, leftWindowEndIndex, leftState);
    }

    @Override
    public void processElement2(Row row) throws Exception {
        buffer.add(row, rightWindowEndIndex, rightState);
    }

    @Override
    public void onTimer(Timer<?> timer) throws Exception {
        if (timer.domain() != (isRowtime ? TimeDomain.EVENT_TIME : TimeDomain.PROCESSING_TIME)) {
            return;
        }
        long windowEnd = (Long) timer.namespace();
        load(leftState, windowEnd, lefts);
        load(rightState, windowEnd, rights);
        if (rightMatched.length < rights.size()) {
            rightMatched = new boolean[rights.size() * 2];
        }
        java.util.Arrays.fill(rightMatched, 0, rights.size(), false);
        for (Row l : lefts) {
            boolean matched = false;
            for (int j = 0; j < rights.size(); j++) {
                Row r = rights.get(j);
                if (condition == null || condition.test(l, r)) {
                    matched = true;
                    rightMatched[j] = true;
                    output.collect(joined.join(RowKind.INSERT, l, r));
                }
            }
            if (!matched && joinType.isLeftOuter()) {
                output.collect(joined.join(RowKind.INSERT, l, null));
            }
        }
        if (joinType.isRightOuter()) {
            for (int j = 0; j < rights.size(); j++) {
                if (!rightMatched[j]) {
                    output.collect(joined.join(RowKind.INSERT, null, rights.get(j)));
                }
            }
        }
        lefts.clear();
        rights.clear();
        leftState.clear();
        rightState.clear();
    }

    private static void load(InternalListState<Row, Long, Row> state, long windowEnd, List<Row> into) throws Exception {
        state.setCurrentNamespace(windowEnd);
        into.clear();
        Iterable<Row> rows = state.get();
        if (rows != null) {
            for (Row r : rows) {
                into.add(r);
            }
        }
    }

    @Override
    public void close() {
        if (condition != null) {
            condition.close();
        }
    }
}
