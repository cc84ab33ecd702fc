package io.weir.runtime.operators.sql.join;

import io.weir.checkpoint.state.MapState;
import io.weir.checkpoint.state.MapStateDescriptor;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The event-time temporal join ({@code FOR SYSTEM_TIME AS OF l.ts}): each row of the insert-only
 * probe input (left) is joined with the version of the versioned table (right: an upsert or
 * changelog stream keyed by its primary key, which the join key contains) that was valid at the
 * probe row's time: the latest version whose time is {@code <=} it, unless that version is a
 * deletion. {@code INNER} or {@code LEFT}; output insert-only {@code left ++ right}.
 *
 * <p>Probe rows wait in state ({@code MapState<time, rows>}) until the watermark reaches their time
 * (an event-time timer per time, namespace 0), because versions up to that time may still come.
 * Versions are kept in {@code MapState<version time, row>} with their kind ({@code -D} kept as a
 * deletion at its row's time; {@code -U} is ignored: the {@code +U} that follows it is the next
 * version, and the old version must stay valid until that one's time). A timer at each version's time (namespace 1), and every probe firing, prune
 * the versions that no later probe row can need: all but the latest version at or before the
 * firing time, and that one too if it is a deletion. A probe row that arrives when the watermark
 * already passed its time is joined at once with the versions still kept.
 */
public final class TemporalJoinOperator implements TwoInputStreamOperator {
    static final String PROBE_STATE = "temporal-probe";
    static final String VERSION_STATE = "temporal-versions";
    private static final long PROBE = 0L;
    private static final long VERSION = 1L;

    private final JoinType joinType;
    private final RowType leftType;
    private final RowType rightType;
    private final int leftTimeIndex;
    private final int rightTimeIndex;
    private final Supplier<JoinCondition> conditionFactory;
    private final ZoneId zone;
    private final List<Long> stale = new ArrayList<>();
    private Output output;
    private JoinCondition condition;
    private MapState<Long, List<Row>> probe;
    private MapState<Long, Row> versions;
    private TimerService<Long> timers;
    private JoinedRows joined;

    /**
     * @param joinType {@code INNER} or {@code LEFT}
     * @param leftTimeIndex the probe row's time attribute ({@code AS OF} time)
     * @param rightTimeIndex the versioned table's rowtime (a version's start)
     * @param condition the residual condition over {@code left ++ right}, or null
     */
    public TemporalJoinOperator(JoinType joinType, RowType leftType, RowType rightType, int leftTimeIndex,
                                int rightTimeIndex, GeneratedClass<JoinCondition> condition, ZoneId zone) {
        this(joinType, leftType, rightType, leftTimeIndex, rightTimeIndex, GeneratedInstances.supplier(condition), zone);
    }

    TemporalJoinOperator(JoinType joinType, RowType leftType, RowType rightType, int leftTimeIndex, int rightTimeIndex,
                         Supplier<JoinCondition> condition, ZoneId zone) {
        this.joinType = checkJoinType(joinType);
        this.leftType = Objects.requireNonNull(leftType, "leftType");
        this.rightType = Objects.requireNonNull(rightType, "rightType");
        this.leftTimeIndex = leftTimeIndex;
        this.rightTimeIndex = rightTimeIndex;
        this.conditionFactory = Objects.requireNonNull(condition, "condition");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    static JoinType checkJoinType(JoinType type) {
        if (type != JoinType.INNER && type != JoinType.LEFT) {
            throw new IllegalArgumentException("temporal join: " + type + " join is not supported; "
                + "a temporal join is INNER or LEFT (the versioned table on the right)");
        }
        return type;
    }

    /** A keyed factory; the join key must contain the versioned table's primary key. */
    public static OperatorFactory factory(String name, String uid, JoinType joinType, KeySelector leftKey,
                                          KeySelector rightKey, RowType keyType, RowType leftType, RowType rightType,
                                          int leftTimeIndex, int rightTimeIndex,
                                          GeneratedClass<JoinCondition> condition, ZoneId zone) {
        checkJoinType(joinType);
        return OperatorFactory.keyed(name, uid, () -> new TemporalJoinOperator(joinType, leftType, rightType,
            leftTimeIndex, rightTimeIndex, condition, zone), keyType, leftKey, rightKey);
    }

    @Override
    public void open(OperatorContext context) {
        this.output = context.output();
        this.condition = conditionFactory.get();
        if (condition != null) {
            condition.open(new TaskFunctionContext(zone, context.processingTimeService()));
        }
        this.probe = context.getState(new MapStateDescriptor<>(PROBE_STATE, LongSerializer.INSTANCE,
            new RowListSerializer(new RowSerializer(leftType))));
        this.versions = context.getState(new MapStateDescriptor<>(VERSION_STATE, LongSerializer.INSTANCE,
            new RowSerializer(rightType)));
        this.timers = context.timerService(LongSerializer.INSTANCE);
        this.joined = new JoinedRows(leftType.arity(), rightType.arity());
    }

    @Override
    public void processElement1(Row row) throws Exception {
        long ts = timeOf(row, leftTimeIndex, "probe");
        if (ts <= timers.currentWatermark()) {
            join(row, ts);
            return;
        }
        List<Row> rows = probe.get(ts);
        if (rows == null) {
            rows = new ArrayList<>(1);
        }
        rows.add(row.withKind(RowKind.INSERT));
        probe.put(ts, rows);
        timers.registerEventTimeTimer(PROBE, ts);
    }

    @Override
    public void processElement2(Row row) throws Exception {
        if (row.getKind() == RowKind.UPDATE_BEFORE) {
            return;
        }
        long ts = timeOf(row, rightTimeIndex, "versioned table");
        versions.put(ts, row.withKind(row.getKind().isAccumulate() ? RowKind.INSERT : RowKind.DELETE));
        timers.registerEventTimeTimer(VERSION, ts);
    }

    private static long timeOf(Row row, int index, String side) {
        Object t = row.getField(index);
        if (t == null) {
            throw new IllegalArgumentException("temporal join: the time attribute (field " + index + ") of " + side
                + " row " + row + " is NULL; a rowtime column must not be NULL");
        }
        return ((Number) t).longValue();
    }

    @Override
    public void onTimer(Timer<?> timer) throws Exception {
        if (timer.domain() != TimeDomain.EVENT_TIME) {
            return;
        }
        long t = timer.timestamp();
        if ((Long) timer.namespace() == PROBE) {
            List<Row> rows = probe.get(t);
            if (rows != null) {
                for (Row row : rows) {
                    join(row, t);
                }
                probe.remove(t);
            }
        }
        prune(t);
    }

    private void join(Row row, long ts) throws Exception {
        Row version = versionAt(ts);
        if (version != null && version.getKind() == RowKind.INSERT
            && (condition == null || condition.test(row, version))) {
            output.collect(joined.join(RowKind.INSERT, row, version));
        } else if (joinType == JoinType.LEFT) {
            output.collect(joined.join(RowKind.INSERT, row, null));
        }
    }

    /** The latest version at or before {@code ts} (possibly a deletion), or null. */
    private Row versionAt(long ts) throws Exception {
        long best = Long.MIN_VALUE;
        Row version = null;
        for (Map.Entry<Long, Row> e : versions.entries()) {
            long vt = e.getKey();
            if (vt <= ts && (version == null || vt > best)) {
                best = vt;
                version = e.getValue();
            }
        }
        return version;
    }

    /** Removes the versions that no probe row at or after {@code ts} can need. */
    private void prune(long ts) throws Exception {
        long latest = Long.MIN_VALUE;
        boolean latestDeleted = false;
        boolean any = false;
        stale.clear();
        for (Map.Entry<Long, Row> e : versions.entries()) {
            long vt = e.getKey();
            if (vt <= ts) {
                stale.add(vt);
                if (!any || vt > latest) {
                    latest = vt;
                    latestDeleted = e.getValue().getKind() != RowKind.INSERT;
                    any = true;
                }
            }
        }
        for (Iterator<Long> it = stale.iterator(); it.hasNext(); ) {
            long vt = it.next();
            if (vt != latest || latestDeleted) {
                versions.remove(vt);
            }
        }
        stale.clear();
    }

    @Override
    public void close() {
        if (condition != null) {
            condition.close();
        }
    }
}
