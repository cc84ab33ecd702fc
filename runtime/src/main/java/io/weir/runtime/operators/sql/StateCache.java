package io.weir.runtime.operators.sql;

import io.weir.checkpoint.state.KeyedStateBackend;
import io.weir.checkpoint.state.ValueState;
import io.weir.checkpoint.state.heap.HeapKeyedStateBackend;
import io.weir.runtime.data.Row;
import io.weir.runtime.operators.OperatorContext;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A write-back cache of deserialized values of one keyed {@link ValueState} (no namespace), for
 * operators that read and write one value per key and row on a backend that serializes state
 * (RocksDB): a hot key costs no state read or write per row. Holds at most {@code capacity} keys,
 * least recently used evicted first; a changed value is written to state when its key is evicted and
 * by {@link #flushAll()}, which the operator calls in {@code snapshotState} (so a checkpoint sees
 * every change) and which empties the cache (so nothing it holds is shared with a snapshot).
 *
 * <p>Contract: task thread only; {@link #get} and {@link #remove} are called with the backend's
 * current key equal to their {@code key} ({@link #put} with any current key); each may switch the
 * current key to write an evicted entry, and restores it. Values handed to {@link #put} are owned
 * by the cache; a value returned by {@link #get} may be changed in place only if it is then
 * {@link #put} or {@link #remove}d.
 *
 * <p>Not used with the heap backend (its state already holds objects) nor with state TTL (every
 * access must reach the state there): {@link #createIfUseful} returns null then.
 *
 * @param <V> the state's value type
 */
public final class StateCache<V> {
    private final KeyedStateBackend<Row> backend;
    private final ValueState<V> state;
    private final int capacity;
    private final LinkedHashMap<Row, Entry<V>> entries;

    private static final class Entry<V> {
        V value;
        boolean dirty;

        Entry(V value, boolean dirty) {
            this.value = value;
            this.dirty = dirty;
        }
    }

    private StateCache(KeyedStateBackend<Row> backend, ValueState<V> state, int capacity) {
        this.backend = backend;
        this.state = state;
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, true);
    }

    /** A cache over {@code state}, or null when it would not help (heap backend, TTL, capacity 0). */
    public static <V> StateCache<V> createIfUseful(OperatorContext context, ValueState<V> state, boolean ttlEnabled,
                                                   int capacity) {
        KeyedStateBackend<Row> backend = context.keyedStateBackend();
        if (ttlEnabled || capacity <= 0 || backend instanceof HeapKeyedStateBackend) {
            return null;
        }
        return new StateCache<>(backend, state, capacity);
    }

    /**
     * The current key's value read through {@code cache}, or straight from {@code state} when there is no
     * cache (null); {@code key} is the backend's current key.
     */
    public static <V> V read(StateCache<V> cache, ValueState<V> state, Row key) throws Exception {
        return cache == null ? state.value() : cache.get(key);
    }

    /**
     * Sets the current key's value through {@code cache}, or straight in {@code state} when there is no
     * cache (null); a null {@code value} removes it. {@code key} is the backend's current key.
     */
    public static <V> void write(StateCache<V> cache, ValueState<V> state, Row key, V value) throws Exception {
        if (cache == null) {
            if (value == null) {
                state.clear();
            } else {
                state.update(value);
            }
        } else if (value == null) {
            cache.remove(key);
        } else {
            cache.put(key, value);
        }
    }

    /** Flushes {@code cache} if there is one (operators call it in {@code snapshotState}). */
    public static void flush(StateCache<?> cache) throws Exception {
        if (cache != null) {
            cache.flushAll();
        }
    }

    /** The key's value: cached, else read from state (and cached); null if it has none. */
    public V get(Row key) throws Exception {
        Entry<V> e = entries.get(key);
        if (e != null) {
            return e.value;
        }
        V v = state.value();
        if (v != null) {
            insert(key, new Entry<>(v, false));
        }
        return v;
    }

    /** Sets the key's value (written to state later). */
    public void put(Row key, V value) throws Exception {
        Entry<V> e = entries.get(key);
        if (e != null) {
            e.value = value;
            e.dirty = true;
        } else {
            insert(key, new Entry<>(value, true));
        }
    }

    /** Removes the key's value from the cache and from state. */
    public void remove(Row key) throws Exception {
        entries.remove(key);
        state.clear();
    }

    /** Writes every changed value to state and empties the cache. Restores the backend's current key. */
    public void flushAll() throws Exception {
        for (Map.Entry<Row, Entry<V>> e : entries.entrySet()) {
            if (e.getValue().dirty) {
                write(e.getKey(), e.getValue().value);
            }
        }
        entries.clear();
    }

    private void insert(Row key, Entry<V> entry) throws Exception {
        entries.put(key, entry);
        if (entries.size() > capacity) {
            Iterator<Map.Entry<Row, Entry<V>>> it = entries.entrySet().iterator();
            Map.Entry<Row, Entry<V>> eldest = it.next();
            it.remove();
            if (eldest.getValue().dirty) {
                write(eldest.getKey(), eldest.getValue().value);
            }
        }
    }

    private void write(Row key, V value) throws Exception {
        Row current = backend.getCurrentKey();
        boolean switchKey = current != key;
        if (switchKey) {
            backend.setCurrentKey(key);
        }
        state.update(value);
        if (switchKey && current != null) {
            backend.setCurrentKey(current);
        }
    }
}
