package io.weir.runtime.operators.sql;

import io.weir.checkpoint.state.MapState;
import io.weir.checkpoint.state.MapStateDescriptor;
import io.weir.runtime.generated.AggsHandle;
import io.weir.runtime.generated.DistinctStore;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.serialization.ValueSerializers;
import io.weir.runtime.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link DistinctStore} of an unbounded {@code GROUP BY}: one keyed {@link MapState} per distinct
 * group of the handle ({@code "distinct-<g>"}: distinct value → counts), keyed like the operator
 * by the grouping key, so that a row costs one map get and put per distinct argument list on either
 * backend, instead of re-serializing every distinct map inside the accumulator row (on RocksDB).
 *
 * <p>Not used with state TTL: map entries would expire one by one while their group lives on, so
 * a value seen before its entry expired would be counted again; with TTL the counts stay in the
 * accumulator row and expire with it ({@link #createIfUseful} returns null then).
 *
 * <p>Task thread only; reads and writes the state of the backend's current key.
 */
final class DistinctStateStore implements DistinctStore {
    static final String STATE_PREFIX = "distinct-";

    private final List<MapState<Object, long[]>> states;

    private DistinctStateStore(List<MapState<Object, long[]>> states) {
        this.states = states;
    }

    /**
     * Registers the store's states and hands it to {@code handle}, if the handle has DISTINCT calls
     * and TTL is off; returns the store, or null (the counts stay in the accumulators).
     */
    static DistinctStateStore installIfUseful(OperatorContext context, AggsHandle handle, boolean ttlEnabled) {
        List<DataType> keyTypes = handle.distinctKeyTypes();
        if (ttlEnabled || keyTypes.isEmpty()) {
            return null;
        }
        List<MapState<Object, long[]>> states = new ArrayList<>();
        for (int g = 0; g < keyTypes.size(); g++) {
            states.add(context.getState(new MapStateDescriptor<>(STATE_PREFIX + g,
                ValueSerializers.forType(keyTypes.get(g)), CountsSerializer.INSTANCE)));
        }
        DistinctStateStore store = new DistinctStateStore(states);
        handle.setDistinctStore(store);
        return store;
    }

    @Override
    public long[] get(int group, Object value) {
        try {
            return states.get(group).get(value);
        } catch (Exception e) {
            throw failure("read", group, e);
        }
    }

    @Override
    public void put(int group, Object value, long[] counts) {
        try {
            states.get(group).put(value, counts);
        } catch (Exception e) {
            throw failure("write", group, e);
        }
    }

    @Override
    public void remove(int group, Object value) {
        try {
            states.get(group).remove(value);
        } catch (Exception e) {
            throw failure("remove from", group, e);
        }
    }

    /** Removes every distinct value of the current group (when the group is deleted). */
    void clear() {
        for (MapState<Object, long[]> s : states) {
            s.clear();
        }
    }

    private static StoreException failure(String what, int group, Exception e) {
        if (e instanceof StoreException) {
            return (StoreException) e;
        }
        return new StoreException("could not " + what + " state '" + STATE_PREFIX + group + "' of COUNT(DISTINCT ...)", e);
    }
}
