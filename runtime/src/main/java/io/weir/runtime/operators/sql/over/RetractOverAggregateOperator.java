package io.weir.runtime.operators.sql.over;

import io.weir.checkpoint.state.StateTtlConfig;
import io.weir.checkpoint.state.ValueState;
import io.weir.checkpoint.state.ValueStateDescriptor;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.generated.AggsHandle;
import io.weir.runtime.generated.GeneratedClass;
import io.weir.runtime.generated.RecordComparator;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.Output;
import io.weir.runtime.operators.sql.StateCache;
import io.weir.runtime.operators.sql.join.GeneratedInstances;
import io.weir.runtime.operators.sql.join.RowListSerializer;
import io.weir.runtime.operators.sql.join.TaskFunctionContext;
import io.weir.runtime.serialization.RowSerializer;
import io.weir.runtime.types.RowType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * OVER aggregation over an updating input or ordered by any column (a Weir extension; Flink refuses
 * both): {@code agg(...) OVER (PARTITION BY k ORDER BY o1 [DESC], ... frame)} with the frame
 * {@code ROWS BETWEEN n PRECEDING AND CURRENT ROW}, {@code ROWS BETWEEN UNBOUNDED PRECEDING AND
 * CURRENT ROW} or {@code RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW} (peers included). Keyed
 * by the partition key; input {@code +I/-U/+U/-D}; output {@code input row ++ aggregate values} as
 * {@code +I/-U/+U/-D}.
 *
 * <p>Semantics: each partition holds the current multiset of input rows, sorted by the
 * {@link RecordComparator}; rows that compare equal (ties) stay in arrival order (a new row goes
 * after its peers; a retraction removes the earliest-arrived row with equal fields). The order is
 * kept in state as a list, so it is the same on both backends and after a restore. Each current row
 * has one output row: the row and the aggregates of its frame. An input change emits what turns the
 * previous output into the new one: {@code +I} for an added row, {@code -D} (the previously emitted
 * row) for a removed one, and {@code -U/+U} for every other row of the partition whose aggregate
 * values changed; rows whose frame changed but whose values are equal emit nothing. A retraction of
 * a row that is not in state (expired by TTL) is ignored.
 *
 * <p>Frames are recomputed from the sorted rows, never retracted: {@code ROWS n PRECEDING}
 * accumulates at most {@code n + 1} rows per affected row (the changed position and the n rows after
 * it); the unbounded frames accumulate the partition once up to its end. So aggregates need no
 * {@link AggsHandle#retract} (MIN/MAX included).
 *
 * <p>State: {@code ValueState<List<Row>>} per partition, the output rows in sort order (so a
 * removal retracts exactly what was emitted), with the TTL given. On a backend that serializes
 * state (RocksDB) and without TTL, the lists of up to {@link #MAX_CACHED_PARTITIONS} recently used
 * partitions are kept deserialized ({@link StateCache}), written to state on eviction and before
 * each checkpoint; the output is the same.
 *
 * <p>Maintenance notes: every change reads and writes the partition's whole list (RocksDB
 * deserializes it), so a change costs O(partition size) plus O(frame x affected rows) aggregation;
 * fine for Nexmark q6 (a few auctions per seller, 10-row frames), not for partitions of millions of
 * rows. A sorted {@code MapState} with per-row accumulators would be the next step.
 */
public final class RetractOverAggregateOperator implements OneInputStreamOperator {
    static final String STATE_NAME = "over-retract-rows";
    /** Partitions whose rows the write-back cache keeps (bounds its memory). */
    static final int MAX_CACHED_PARTITIONS = 8_192;

    /** {@code preceding} value of an {@code UNBOUNDED PRECEDING} frame. */
    public static final long UNBOUNDED = -1L;

    private final RowType outputType;
    private final int inputArity;
    private final Supplier<AggsHandle> handleFactory;
    private final Supplier<RecordComparator> comparatorFactory;
    private final boolean isRows;
    private final long preceding;
    private final StateTtlConfig ttl;
    private final ZoneId zone;
    private final int maxCachedPartitions;
    private OperatorContext context;
    private Output output;
    private AggsHandle handle;
    private RecordComparator comparator;
    private ValueState<List<Row>> state;
    private StateCache<List<Row>> cache;

    /**
     * @param outputType the input fields followed by one field per aggregate call
     * @param inputArity the number of input fields
     * @param aggs the aggregate calls over the input row (retraction not needed)
     * @param comparator orders input rows by the OVER clause's {@code ORDER BY}
     * @param isRows a {@code ROWS} frame; else {@code RANGE}, which must be unbounded
     * @param preceding {@link #UNBOUNDED}, or n rows (ROWS only)
     */
    public RetractOverAggregateOperator(RowType outputType, int inputArity, GeneratedClass<AggsHandle> aggs,
                                        GeneratedClass<RecordComparator> comparator, boolean isRows, long preceding,
                                        StateTtlConfig ttl, ZoneId zone) {
        this(outputType, inputArity, GeneratedInstances.supplier(Objects.requireNonNull(aggs, "aggs")),
            GeneratedInstances.supplier(Objects.requireNonNull(comparator, "comparator")), isRows, preceding, ttl, zone);
    }

    RetractOverAggregateOperator(RowType outputType, int inputArity, Supplier<AggsHandle> aggs,
                                 Supplier<RecordComparator> comparator, boolean isRows, long preceding,
                                 StateTtlConfig ttl, ZoneId zone) {
        this(outputType, inputArity, aggs, comparator, isRows, preceding, ttl, zone, MAX_CACHED_PARTITIONS);
    }

    /** @param maxCachedPartitions the write-back cache's capacity; 0 disables it (a test hook) */
    RetractOverAggregateOperator(RowType outputType, int inputArity, Supplier<AggsHandle> aggs,
                                 Supplier<RecordComparator> comparator, boolean isRows, long preceding,
                                 StateTtlConfig ttl, ZoneId zone, int maxCachedPartitions) {
        this.maxCachedPartitions = maxCachedPartitions;
        checkFrame(isRows, preceding);
        this.outputType = Objects.requireNonNull(outputType, "outputType");
        this.inputArity = inputArity;
        this.handleFactory = Objects.requireNonNull(aggs, "aggs");
        this.comparatorFactory = Objects.requireNonNull(comparator, "comparator");
        this.isRows = isRows;
        this.preceding = preceding;
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Throws for a frame this operator cannot compute (see the class comment). */
    public static void checkFrame(boolean isRows, long preceding) {
        if (isRows ? preceding < 0 && preceding != UNBOUNDED : preceding != UNBOUNDED) {
            throw new IllegalArgumentException("not supported yet: OVER aggregation over an updating input or a"
                + " non-time order with the frame " + (isRows ? "ROWS " + preceding : "RANGE " + preceding)
                + " PRECEDING; use ROWS BETWEEN n|UNBOUNDED PRECEDING or RANGE BETWEEN UNBOUNDED PRECEDING"
                + " AND CURRENT ROW");
        }
    }

    /** A keyed factory; {@code partitionKey} selects the {@code PARTITION BY} fields (may have none). */
    public static OperatorFactory factory(String name, String uid, KeySelector partitionKey, RowType keyType,
                                          RowType outputType, int inputArity, GeneratedClass<AggsHandle> aggs,
                                          GeneratedClass<RecordComparator> comparator, boolean isRows,
                                          long preceding, StateTtlConfig ttl, ZoneId zone) {
        checkFrame(isRows, preceding);
        return OperatorFactory.keyed(name, uid, () -> new RetractOverAggregateOperator(outputType, inputArity, aggs,
            comparator, isRows, preceding, ttl, zone), keyType, partitionKey);
    }

    @Override
    public void open(OperatorContext context) {
        this.context = context;
        this.output = context.output();
        TaskFunctionContext functions = new TaskFunctionContext(zone, context.processingTimeService());
        this.handle = handleFactory.get();
        handle.open(functions);
        this.comparator = comparatorFactory.get();
        comparator.open(functions);
        ValueStateDescriptor<List<Row>> d = new ValueStateDescriptor<>(STATE_NAME,
            new RowListSerializer(new RowSerializer(outputType)));
        d.enableTimeToLive(ttl);
        this.state = context.getState(d);
        this.cache = StateCache.createIfUseful(context, state, d.getTtlConfig().isEnabled(), maxCachedPartitions);
    }

    @Override
    public void processElement(Row row) throws Exception {
        List<Row> stored = StateCache.read(cache, state, context.currentKey());
        List<Row> rows = stored == null ? new ArrayList<>() : new ArrayList<>(stored);
        Row changed;
        int at;
        Row added = null;
        if (row.getKind().isAccumulate()) {
            Object[] f = new Object[outputType.arity()];
            System.arraycopy(row.fields(), 0, f, 0, inputArity);
            added = new Row(RowKind.INSERT, f);
            at = upperBound(rows, added);
            rows.add(at, added);
            changed = added;
        } else {
            at = indexOfEqual(rows, row);
            if (at < 0) {
                return;
            }
            changed = rows.remove(at);
            output.collect(changed.withKind(RowKind.DELETE));
        }
        if (!rows.isEmpty()) {
            refresh(rows, firstAffected(rows, at, changed), lastAffected(rows, at), added);
        }
        StateCache.write(cache, state, context.currentKey(), rows.isEmpty() ? null : rows);
    }

    @Override
    public void snapshotState(long checkpointId) throws Exception {
        StateCache.flush(cache);
    }

    /** The first row whose frame may hold the changed row: for RANGE, its first remaining peer. */
    private int firstAffected(List<Row> rows, int at, Row changed) {
        int start = at;
        while (!isRows && start > 0 && comparator.compare(rows.get(start - 1), changed) == 0) {
            start--;
        }
        return start;
    }

    private int lastAffected(List<Row> rows, int at) {
        if (preceding == UNBOUNDED) {
            return rows.size() - 1;
        }
        return (int) Math.min(rows.size() - 1L, at + preceding);
    }

    /**
     * Recomputes the aggregates of rows {@code from..to} and emits those that changed ({@code +I}
     * for {@code added}, whose values are not set yet).
     */
    private void refresh(List<Row> rows, int from, int to, Row added) {
        if (from > to) {
            return;
        }
        if (preceding != UNBOUNDED) {
            for (int i = from; i <= to; i++) {
                handle.resetAccumulators();
                for (int j = (int) Math.max(0, i - preceding); j <= i; j++) {
                    handle.accumulate(rows.get(j));
                }
                update(rows, i, handle.getValue(), added);
            }
            return;
        }
        handle.resetAccumulators();
        for (int j = 0; j < from; j++) {
            handle.accumulate(rows.get(j));
        }
        int i = from;
        while (i <= to) {
            int end = i;
            handle.accumulate(rows.get(i));
            while (!isRows && end + 1 < rows.size() && comparator.compare(rows.get(end + 1), rows.get(i)) == 0) {
                handle.accumulate(rows.get(++end));
            }
            Row value = handle.getValue();
            for (int k = i; k <= end; k++) {
                update(rows, k, value, added);
            }
            i = end + 1;
        }
    }

    /** Sets row {@code i}'s aggregates to {@code value}, emitting the change if there is one. */
    private void update(List<Row> rows, int i, Row value, Row added) {
        Row old = rows.get(i);
        if (old != added && sameValues(old, value)) {
            return;
        }
        Object[] f = old.fields().clone();
        System.arraycopy(value.fields(), 0, f, inputArity, value.arity());
        Row now = new Row(RowKind.INSERT, f);
        rows.set(i, now);
        if (old == added) {
            output.collect(now.copy());
        } else {
            output.collect(old.withKind(RowKind.UPDATE_BEFORE));
            output.collect(now.withKind(RowKind.UPDATE_AFTER));
        }
    }

    private boolean sameValues(Row old, Row value) {
        for (int k = 0; k < value.arity(); k++) {
            if (!Objects.equals(old.getField(inputArity + k), value.getField(k))) {
                return false;
            }
        }
        return true;
    }

    /** The position after the last row that sorts before or equal to {@code row} (ties in arrival order). */
    private int upperBound(List<Row> rows, Row row) {
        int lo = 0;
        int hi = rows.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (comparator.compare(rows.get(mid), row) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The earliest-arrived stored row whose input fields equal {@code row}'s, or -1. */
    private int indexOfEqual(List<Row> rows, Row row) {
        int lo = 0;
        int hi = rows.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (comparator.compare(rows.get(mid), row) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < rows.size() && comparator.compare(rows.get(i), row) == 0; i++) {
            if (inputEquals(rows.get(i), row)) {
                return i;
            }
        }
        return -1;
    }

    private boolean inputEquals(Row stored, Row row) {
        for (int k = 0; k < inputArity; k++) {
            Object a = stored.getField(k);
            Object b = row.getField(k);
            if (!(a == null ? b == null : a instanceof byte[] && b instanceof byte[]
                ? Arrays.equals((byte[]) a, (byte[]) b) : a.equals(b))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        if (handle != null) {
            handle.close();
        }
        if (comparator != null) {
            comparator.close();
        }
    }
}
