package io.weir.runtime.operators.sql.dedup;

import io.weir.checkpoint.state.StateTtlConfig;
import io.weir.checkpoint.state.ValueState;
import io.weir.checkpoint.state.ValueStateDescriptor;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.Output;
import io.weir.runtime.operators.sql.StateCache;
import io.weir.runtime.serialization.RowSerializer;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.util.Objects;

/**
 * Deduplication ({@code ROW_NUMBER() OVER (PARTITION BY k ORDER BY time ASC|DESC) ... WHERE rn = 1}
 * without the rank column), keyed by the partition key, over an insert-only input:
 * <ul>
 *   <li>processing time, keep first ({@code ASC}): the first row of a key is emitted as {@code +I},
 *       later ones are dropped; state is only a marker per key;</li>
 *   <li>processing time, keep last ({@code DESC}): every row replaces the previous one:
 *       {@code +I} first, then {@code -U previous}/{@code +U row} ({@code +U} only in upsert mode);</li>
 *   <li>row time, keep first / keep last: the row with the smallest / largest time wins (ties: the
 *       first / the last to arrive); a row that wins over the kept one replaces it with
 *       {@code -U}/{@code +U}.</li>
 * </ul>
 * State: one row per key ({@code ValueState}) with the TTL given. On a backend that serializes state
 * (RocksDB) and without TTL, the rows of up to {@link #MAX_CACHED_KEYS} recently used keys are kept
 * deserialized in a write-back {@link StateCache} (written to state on eviction and before every
 * checkpoint), so a repeated key costs no state read and write; the output is the same.
 */
public final class DeduplicateOperator implements OneInputStreamOperator {
    static final String STATE_NAME = "dedup-row";
    private static final Row SEEN = Row.of();
    /** Keys whose row the write-back cache keeps (bounds its memory). */
    static final int MAX_CACHED_KEYS = 16_384;

    private final RowType inputType;
    private final boolean isRowtime;
    private final int rowtimeIndex;
    private final boolean keepLast;
    private final boolean generateUpdateBefore;
    private final StateTtlConfig ttl;
    private final int maxCachedKeys;
    private OperatorContext context;
    private Output output;
    private ValueState<Row> state;
    /** The write-back cache of kept rows, or null when not used (heap backend, TTL). */
    private StateCache<Row> cache;

    /**
     * @param rowtimeIndex the time attribute field (read only when {@code isRowtime})
     * @param keepLast keep the last row ({@code ORDER BY time DESC}) or the first ({@code ASC})
     * @param generateUpdateBefore emit {@code -U} before {@code +U}; false for upsert output
     */
    public DeduplicateOperator(RowType inputType, boolean isRowtime, int rowtimeIndex, boolean keepLast,
                               boolean generateUpdateBefore, StateTtlConfig ttl) {
        this(inputType, isRowtime, rowtimeIndex, keepLast, generateUpdateBefore, ttl, MAX_CACHED_KEYS);
    }

    /** @param maxCachedKeys the write-back cache's capacity; 0 disables it (a test hook) */
    DeduplicateOperator(RowType inputType, boolean isRowtime, int rowtimeIndex, boolean keepLast,
                        boolean generateUpdateBefore, StateTtlConfig ttl, int maxCachedKeys) {
        this.maxCachedKeys = maxCachedKeys;
        this.inputType = Objects.requireNonNull(inputType, "inputType");
        this.isRowtime = isRowtime;
        this.rowtimeIndex = rowtimeIndex;
        this.keepLast = keepLast;
        this.generateUpdateBefore = generateUpdateBefore;
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    /** A keyed factory; {@code key} selects the partition fields (of type {@code keyType}). */
    public static OperatorFactory factory(String name, String uid, KeySelector key, RowType keyType, RowType inputType,
                                          boolean isRowtime, int rowtimeIndex, boolean keepLast,
                                          boolean generateUpdateBefore, StateTtlConfig ttl) {
        return OperatorFactory.keyed(name, uid, () -> new DeduplicateOperator(inputType, isRowtime, rowtimeIndex,
            keepLast, generateUpdateBefore, ttl), keyType, key);
    }

    private boolean storesMarkerOnly() {
        return !isRowtime && !keepLast;
    }

    @Override
    public void open(OperatorContext context) {
        this.context = context;
        this.output = context.output();
        RowType stored = storesMarkerOnly() ? RowType.of(new String[0], new DataType[0]) : inputType;
        ValueStateDescriptor<Row> d = new ValueStateDescriptor<>(STATE_NAME, new RowSerializer(stored));
        d.enableTimeToLive(ttl);
        this.state = context.getState(d);
        this.cache = StateCache.createIfUseful(context, state, ttl.isEnabled(), maxCachedKeys);
    }

    @Override
    public void processElement(Row row) throws Exception {
        if (row.getKind() != RowKind.INSERT) {
            throw new IllegalStateException("deduplication: the input must be insert-only, got " + row);
        }
        Row key = context.currentKey();
        Row previous = StateCache.read(cache, state, key);
        if (previous == null) {
            keep(key, storesMarkerOnly() ? SEEN : row.copy());
            output.collect(row.withKind(RowKind.INSERT));
            return;
        }
        if (storesMarkerOnly() || !replaces(row, previous)) {
            return;
        }
        keep(key, row.copy());
        if (generateUpdateBefore) {
            output.collect(previous.withKind(RowKind.UPDATE_BEFORE));
        }
        output.collect(row.withKind(RowKind.UPDATE_AFTER));
    }

    private void keep(Row key, Row kept) throws Exception {
        StateCache.write(cache, state, key, kept);
    }

    @Override
    public void snapshotState(long checkpointId) throws Exception {
        StateCache.flush(cache);
    }

    /** Whether {@code row} wins over the kept {@code previous}. */
    private boolean replaces(Row row, Row previous) {
        if (!isRowtime) {
            return true; // processing time, keep last
        }
        long ts = time(row);
        long prev = time(previous);
        return keepLast ? ts >= prev : ts < prev;
    }

    private long time(Row row) {
        Object t = row.getField(rowtimeIndex);
        if (t == null) {
            throw new IllegalArgumentException("deduplication: the time attribute (field " + rowtimeIndex
                + ") of row " + row + " is NULL; a rowtime column must not be NULL");
        }
        return ((Number) t).longValue();
    }
}
