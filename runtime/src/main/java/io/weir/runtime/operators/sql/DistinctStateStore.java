package io.weir.runtime.operators.sql;

import io.weir.checkpoint.state.KeyedStateBackend;
import io.weir.checkpoint.state.MapState;
import io.weir.checkpoint.state.MapStateDescriptor;
import io.weir.checkpoint.state.heap.HeapKeyedStateBackend;
import io.weir.runtime.data.Row;
import io.weir.runtime.generated.AggsHandle;
import io.weir.runtime.generated.DistinctStore;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.serialization.ValueSerializers;
import io.weir.runtime.types.DataType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link DistinctStore} of an unbounded {@code GROUP BY} on a backend that serializes state
 * (RocksDB): one keyed {@link MapState} per distinct group of the handle ({@code "distinct-<g>"}:
 * distinct value → counts), keyed like the operator by the grouping key, so that a row costs at most
 * one map get and put per distinct argument list, instead of re-serializing every distinct map
 * inside the accumulator row with every write of the accumulators (which grows with the group).
 *
 * <p>In front of the map states sits a write-back cache of up to {@code capacity} (group, distinct
 * group, value) entries, least recently used evicted first, with the same contract as
 * {@link StateCache}: a changed entry is written when it is evicted and by {@link #flush()}, which the
 * operator calls in {@code snapshotState} so that a checkpoint sees every change. Unlike
 * {@link StateCache} the flush keeps the (now clean) entries: counts arrays are never changed in place
 * and the backend serializes them on write, so nothing is shared with a snapshot.
 *
 * <p>Not used on the heap backend, where the counts stay in the accumulator row (its distinct maps are
 * objects updated in place, as cheap as a heap map state, see BENCHMARKS.md), nor with state TTL: map
 * entries would expire one by one while their group lives on, so a value seen before its entry
 * expired would be counted again; with TTL the counts expire with the group's accumulators.
 *
 * <p>Task thread only; reads and writes the state of the backend's current key, and switches the
 * current key (and restores it) only to write back evicted or flushed entries.
 */
final class DistinctStateStore implements DistinctStore {
    static final String STATE_PREFIX = "distinct-";

    private final KeyedStateBackend<Row> backend;
    private final List<MapState<Object, long[]>> states;
    private final int capacity;
    private final LinkedHashMap<EntryKey, Entry> cache;
    /** The key of the entry {@link #get} returned last: {@link #put}/{@link #remove} of it follow at once. */
    private EntryKey last;

    private static final class EntryKey {
        final Row group;
        final int distinctGroup;
        final Object value;
        final int hash;

        EntryKey(Row group, int distinctGroup, Object value) {
            this.group = group;
            this.distinctGroup = distinctGroup;
            this.value = value;
            this.hash = mix(group.hashCode() * 0x9E3779B9 + value.hashCode() * 0x85EBCA6B + distinctGroup);
        }

        /**
         * Murmur3's finalizer: with {@code 31 * a + b} grouping keys and small sequential values (ids)
         * collide in whole runs, and the cache's hash bins degrade into trees (seen in a profile).
         */
        private static int mix(int h) {
            h ^= h >>> 16;
            h *= 0x85EBCA6B;
            h ^= h >>> 13;
            h *= 0xC2B2AE35;
            return h ^ (h >>> 16);
        }

        boolean is(Row group, int distinctGroup, Object value) {
            return this.value == value && this.distinctGroup == distinctGroup && this.group == group;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof EntryKey)) {
                return false;
            }
            EntryKey k = (EntryKey) o;
            return hash == k.hash && distinctGroup == k.distinctGroup && value.equals(k.value) && group.equals(k.group);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Cached counts; null counts: the value has none (removed, or never seen). */
    private static final class Entry {
        long[] counts;
        boolean dirty;

        Entry(long[] counts, boolean dirty) {
            this.counts = counts;
            this.dirty = dirty;
        }
    }

    private DistinctStateStore(KeyedStateBackend<Row> backend, List<MapState<Object, long[]>> states, int capacity) {
        this.backend = backend;
        this.states = states;
        this.capacity = capacity;
        this.cache = capacity > 0 ? new LinkedHashMap<>(Math.min(capacity, 4096) * 2, 0.75f, true) : null;
    }

    /**
     * Registers the store's states and hands it to {@code handle} if the handle has DISTINCT calls, the
     * backend serializes state and TTL is off; returns the store, or null (the counts stay in the
     * accumulators).
     *
     * @param capacity the write-back cache's capacity in entries; 0 disables it
     */
    static DistinctStateStore installIfUseful(OperatorContext context, AggsHandle handle, boolean ttlEnabled,
                                              int capacity) {
        List<DataType> keyTypes = handle.distinctKeyTypes();
        KeyedStateBackend<Row> backend = context.keyedStateBackend();
        if (ttlEnabled || keyTypes.isEmpty() || backend instanceof HeapKeyedStateBackend) {
            return null;
        }
        List<MapState<Object, long[]>> states = new ArrayList<>();
        for (int g = 0; g < keyTypes.size(); g++) {
            states.add(context.getState(new MapStateDescriptor<>(STATE_PREFIX + g,
                ValueSerializers.forType(keyTypes.get(g)), CountsSerializer.INSTANCE)));
        }
        DistinctStateStore store = new DistinctStateStore(backend, states, capacity);
        handle.setDistinctStore(store);
        return store;
    }

    @Override
    public long[] get(int group, Object value) {
        if (cache == null) {
            return read(group, value);
        }
        EntryKey k = new EntryKey(backend.getCurrentKey(), group, value);
        Entry e = cache.get(k);
        if (e == null) {
            e = new Entry(read(group, value), false);
            insert(k, e);
        }
        last = k;
        return e.counts;
    }

    @Override
    public void put(int group, Object value, long[] counts) {
        if (cache == null) {
            write(group, value, counts);
        } else {
            cached(group, value, counts);
        }
    }

    @Override
    public void remove(int group, Object value) {
        if (cache == null) {
            write(group, value, null);
        } else {
            cached(group, value, null);
        }
    }

    private void cached(int group, Object value, long[] counts) {
        Row current = backend.getCurrentKey();
        EntryKey k = last != null && last.is(current, group, value) ? last : new EntryKey(current, group, value);
        Entry e = cache.get(k);
        if (e == null) {
            insert(k, new Entry(counts, true));
        } else {
            e.counts = counts;
            e.dirty = true;
        }
    }

    /** Writes every changed entry to state (keeping them cached, clean). Restores the backend's current key. */
    void flush() {
        if (cache == null) {
            return;
        }
        for (Map.Entry<EntryKey, Entry> e : cache.entrySet()) {
            if (e.getValue().dirty) {
                writeBack(e.getKey(), e.getValue());
            }
        }
    }

    /** Removes every distinct value of the current group (when the group is deleted). */
    void clear() {
        Row current = backend.getCurrentKey();
        if (cache != null) {
            cache.keySet().removeIf(k -> k.group.equals(current));
            last = null;
        }
        for (MapState<Object, long[]> s : states) {
            s.clear();
        }
    }

    private void insert(EntryKey k, Entry e) {
        cache.put(k, e);
        if (cache.size() > capacity) {
            Iterator<Map.Entry<EntryKey, Entry>> it = cache.entrySet().iterator();
            Map.Entry<EntryKey, Entry> eldest = it.next();
            it.remove();
            if (eldest.getValue().dirty) {
                writeBack(eldest.getKey(), eldest.getValue());
            }
        }
    }

    private void writeBack(EntryKey k, Entry e) {
        Row current = backend.getCurrentKey();
        boolean switchKey = current != k.group;
        try {
            if (switchKey) {
                backend.setCurrentKey(k.group);
            }
            write(k.distinctGroup, k.value, e.counts);
            e.dirty = false;
            if (switchKey && current != null) {
                backend.setCurrentKey(current);
            }
        } catch (Exception ex) {
            throw failure("write back", k.distinctGroup, ex);
        }
    }

    private long[] read(int group, Object value) {
        try {
            return states.get(group).get(value);
        } catch (Exception e) {
            throw failure("read", group, e);
        }
    }

    /** Puts {@code counts}, or removes the value when null. */
    private void write(int group, Object value, long[] counts) {
        try {
            if (counts == null) {
                states.get(group).remove(value);
            } else {
                states.get(group).put(value, counts);
            }
        } catch (Exception e) {
            throw failure("write", group, e);
        }
    }

    private static StoreException failure(String what, int group, Exception e) {
        if (e instanceof StoreException) {
            return (StoreException) e;
        }
        return new StoreException("could not " + what + " state '" + STATE_PREFIX + group + "' of COUNT(DISTINCT ...)",
            Objects.requireNonNull(e));
    }
}
