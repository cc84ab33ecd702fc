package io.weir.runtime.operators.sql;

import io.weir.checkpoint.state.KeyedStateBackend;
import io.weir.checkpoint.state.StateTtlConfig;
import io.weir.checkpoint.state.ValueState;
import io.weir.checkpoint.state.ValueStateDescriptor;
import io.weir.runtime.data.Row;
import io.weir.runtime.generated.AggsHandle;
import io.weir.runtime.generated.GeneratedClass;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.serialization.RowSerializer;
import io.weir.runtime.types.RowType;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Unbounded {@code GROUP BY} over an insert-only or updating input, one row at a time. Keyed by the
 * grouping fields; its state is one accumulator row per group ({@code ValueState}, serialized with
 * the row serializer of {@link AggsHandle#accumulatorType()}, with {@code table.exec.state.ttl}).
 *
 * <p>Per input row: read the group's accumulators, accumulate ({@code +I}/{@code +U}) or retract
 * ({@code -U}/{@code -D}), write them back and emit the result's change as described in
 * {@link GroupChangelog}: output rows are {@code grouping key ++ aggregate values}. Consecutive rows
 * of one group are folded in the aggregate handle, which keeps the accumulators, and written back
 * when another group's row or a checkpoint comes (without state TTL; with it every row writes, so
 * that a group's time-to-live counts from its last row). On a backend that serializes state (not the
 * heap backend), and without TTL, the accumulators of up to {@link #MAX_CACHED_GROUPS} recently
 * used groups are kept deserialized in a write-back cache ({@link StateCache}): a hot group
 * costs no state read or write per row; its accumulators are written to state when it is evicted
 * (least recently used first) and before every checkpoint. Emitted rows are the same as without the
 * cache. On such a backend (without TTL) DISTINCT value counts are kept apart from the accumulators,
 * in keyed map state behind their own write-back cache ({@link DistinctStateStore}), so that a row
 * reads and writes one entry per distinct argument list instead of whole distinct maps. A retraction for
 * a group without state (its state expired) is ignored, as in Flink. {@code HAVING} is a Calc after
 * this operator.
 */
public final class GroupAggOperator implements OneInputStreamOperator {
    static final String STATE_NAME = "accumulators";
    /** Groups whose accumulators the write-back cache keeps (bounds its memory). */
    static final int MAX_CACHED_GROUPS = 16_384;
    /** Distinct-value entries the DISTINCT counts' write-back cache keeps per cached group (bounds its memory). */
    static final int DISTINCT_ENTRIES_PER_GROUP = 4;

    private final Supplier<AggsHandle> handleFactory;
    private final boolean generateUpdateBefore;
    private final Duration stateTtl;
    private final ZoneId zone;
    private OperatorContext context;
    private AggsHandle handle;
    private ValueState<Row> accState;
    private GroupChangelog changelog;
    /** The group whose accumulators the handle holds and state does not have yet, or null. */
    private Row cachedKey;
    private boolean ttlEnabled;
    /** The write-back cache of other groups' accumulators, or null when not used. */
    private StateCache<Row> cache;
    /** The DISTINCT value counts, outside the accumulators; null without DISTINCT calls or with TTL. */
    private DistinctStateStore distinct;
    private final int maxCachedGroups;

    /**
     * @param aggs the generated aggregate functions over the input row (with retraction if the input updates)
     * @param generateUpdateBefore emit {@code -U} before {@code +U}; false for upsert output
     * @param stateTtl {@code table.exec.state.ttl}; zero keeps groups forever
     * @param zone the session time zone
     */
    public GroupAggOperator(GeneratedClass<AggsHandle> aggs, boolean generateUpdateBefore, Duration stateTtl, ZoneId zone) {
        this(Generated.supplier(aggs), generateUpdateBefore, stateTtl, zone);
    }

    GroupAggOperator(Supplier<AggsHandle> handleFactory, boolean generateUpdateBefore, Duration stateTtl, ZoneId zone) {
        this(handleFactory, generateUpdateBefore, stateTtl, zone, MAX_CACHED_GROUPS);
    }

    /** @param maxCachedGroups the write-back cache's capacity; 0 disables it (a test hook) */
    GroupAggOperator(Supplier<AggsHandle> handleFactory, boolean generateUpdateBefore, Duration stateTtl, ZoneId zone,
                     int maxCachedGroups) {
        this.maxCachedGroups = maxCachedGroups;
        this.handleFactory = Objects.requireNonNull(handleFactory, "aggs");
        this.generateUpdateBefore = generateUpdateBefore;
        this.stateTtl = Objects.requireNonNull(stateTtl, "stateTtl");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A keyed factory: {@code key} selects the grouping fields (of type {@code keyType}) from the input. */
    public static OperatorFactory factory(String name, String uid, KeySelector key, RowType keyType,
                                          GeneratedClass<AggsHandle> aggs, boolean generateUpdateBefore,
                                          Duration stateTtl, ZoneId zone) {
        return OperatorFactory.keyed(name, uid, () -> new GroupAggOperator(aggs, generateUpdateBefore, stateTtl, zone),
            keyType, key);
    }

    @Override
    public void open(OperatorContext context) {
        this.context = context;
        this.handle = handleFactory.get();
        handle.open(new OperatorFunctionContext(zone, context.processingTimeService()));
        this.accState = context.getState(accumulatorDescriptor(handle, stateTtl));
        this.ttlEnabled = isTtlEnabled(stateTtl);
        this.changelog = new GroupChangelog(handle, generateUpdateBefore, ttlEnabled, context.output());
        this.cache = StateCache.createIfUseful(context, accState, ttlEnabled, maxCachedGroups);
        this.distinct = DistinctStateStore.installIfUseful(context, handle, ttlEnabled,
            maxCachedGroups * DISTINCT_ENTRIES_PER_GROUP);
    }

    static ValueStateDescriptor<Row> accumulatorDescriptor(AggsHandle handle, Duration ttl) {
        ValueStateDescriptor<Row> d = new ValueStateDescriptor<>(STATE_NAME, new RowSerializer(handle.accumulatorType()));
        if (isTtlEnabled(ttl)) {
            d.enableTimeToLive(StateTtlConfig.of(ttl));
        }
        return d;
    }

    static boolean isTtlEnabled(Duration ttl) {
        return !ttl.isZero() && !ttl.isNegative();
    }

    @Override
    public void processElement(Row row) throws Exception {
        Row key = context.currentKey();
        boolean accumulate = GroupChangelog.isAccumulate(row);
        if (cachedKey != null && key.equals(cachedKey)) {
            changelog.resume(changelog.result());
        } else {
            flushCache();
            Row acc = cache == null ? accState.value() : cache.get(key);
            if (acc == null && !accumulate) {
                return;
            }
            changelog.begin(acc);
        }
        if (accumulate) {
            handle.accumulate(row);
        } else {
            handle.retract(row);
        }
        if (changelog.end(key)) {
            if (ttlEnabled) {
                accState.update(handle.getAccumulators()); // written now, so the TTL counts from this row
            } else {
                cachedKey = key;
            }
        } else {
            cachedKey = null;
            if (distinct != null) {
                distinct.clear();
            }
            if (cache != null) {
                cache.remove(key);
            } else {
                accState.clear();
            }
        }
    }

    /**
     * Writes the accumulators the handle holds back to the state of their group. Consecutive rows of
     * one group are folded in the handle without a state read and write per row; a row of another
     * group and a checkpoint call this first. Restores the backend's current key.
     */
    private void flushCache() throws Exception {
        if (cachedKey == null) {
            return;
        }
        if (cache != null) {
            cache.put(cachedKey, handle.getAccumulators());
        } else {
            writeToState(cachedKey, handle.getAccumulators());
        }
        cachedKey = null;
    }

    /** Writes {@code accumulators} to the state of group {@code key}; restores the backend's current key. */
    private void writeToState(Row key, Row accumulators) throws Exception {
        KeyedStateBackend<Row> backend = context.keyedStateBackend();
        Row current = backend.getCurrentKey();
        boolean switchKey = current != key;
        if (switchKey) {
            backend.setCurrentKey(key);
        }
        accState.update(accumulators);
        if (switchKey && current != null) {
            backend.setCurrentKey(current);
        }
    }

    @Override
    public void snapshotState(long checkpointId) throws Exception {
        flushCache();
        StateCache.flush(cache);
        if (distinct != null) {
            distinct.flush();
        }
    }

    @Override
    public void close() {
        if (handle != null) {
            handle.close();
        }
    }
}
