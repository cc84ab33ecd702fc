package io.weir.checkpoint.state.heap;

import io.weir.checkpoint.serialization.DataInputDeserializer;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.backend.StateMeta;
import io.weir.checkpoint.state.ttl.TtlFilter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The objects of one heap state, in one hash map per key group, with copy-on-write snapshots.
 *
 * <p>Maintenance notes. A snapshot's synchronous part only copies the array of per-key-group maps
 * (O(number of key groups)) and bumps the backend's version. Afterwards, the task thread never
 * mutates what a running snapshot can see: a key-group map whose version is not newer than the
 * highest running snapshot is copied (shallowly) before its first structural change, and an entry
 * of such a version is replaced by a new entry holding a copy of its value before an in-place
 * change (list append, map put, a mutable value handed to the caller). So writes during the
 * asynchronous part never leak into it, at the price of copying a key group's map once per
 * snapshot when it is first written (Flink copies per bucket; per key group is simpler and keeps
 * the cost bounded by the number of entries written in between, rounded up to key groups).
 * Entries of states with TTL are cleaned incrementally: every access adds to a budget, and once
 * the budget covers the next key group's size, that key group is swept.
 */
final class CopyOnWriteStateTable<K, N, S> {

    static final class Entry<S> {
        S value;
        final int version;

        Entry(S value, int version) {
            this.value = value;
            this.version = version;
        }
    }

    static final class KeyGroupMap<K, N, S> {
        final HashMap<StateKey<K, N>, Entry<S>> map;
        final int version;

        KeyGroupMap(HashMap<StateKey<K, N>, Entry<S>> map, int version) {
            this.map = map;
            this.version = version;
        }
    }

    private final HeapKeyedStateBackend<K> backend;
    private final StateMeta meta;
    private final TypeSerializer<N> namespaceSerializer;
    private final TypeSerializer<K> keySerializer;
    private final HeapLayout<K, N, S> layout;
    private final TtlFilter ttl;
    private final KeyGroupMap<K, N, S>[] maps;
    private long cleanupBudget;
    private int cleanupCursor;

    @SuppressWarnings("unchecked")
    CopyOnWriteStateTable(HeapKeyedStateBackend<K> backend, StateMeta meta, TypeSerializer<N> namespaceSerializer,
                          HeapLayout<K, N, S> layout, TtlFilter ttl) {
        this.backend = backend;
        this.meta = meta;
        this.namespaceSerializer = namespaceSerializer;
        this.keySerializer = backend.getKeySerializer();
        this.layout = layout;
        this.ttl = ttl;
        KeyGroupRange range = backend.getKeyGroupRange();
        this.maps = new KeyGroupMap[Math.max(0, range.getNumberOfKeyGroups())];
        for (int i = 0; i < maps.length; i++) {
            maps[i] = new KeyGroupMap<>(new HashMap<>(), backend.currentVersion());
        }
    }

    StateMeta meta() {
        return meta;
    }

    TypeSerializer<N> namespaceSerializer() {
        return namespaceSerializer;
    }

    TtlFilter ttl() {
        return ttl;
    }

    HeapLayout<K, N, S> layout() {
        return layout;
    }

    /** The value for the current key and {@code namespace}, not to be mutated. */
    S get(N namespace) {
        StateKey<K, N> key = currentKey(namespace);
        Entry<S> e = readMap().map.get(key);
        return e == null ? null : e.value;
    }

    /** The value for the current key and {@code namespace}, safe to mutate in place; null if absent. */
    S getForUpdate(N namespace) {
        StateKey<K, N> key = currentKey(namespace);
        KeyGroupMap<K, N, S> m = readMap();
        Entry<S> e = m.map.get(key);
        if (e == null) {
            return null;
        }
        if (e.version > backend.highestRetainedVersion()) {
            return e.value;
        }
        S copy = layout.copy(e.value);
        writableMap(backend.getCurrentKeyGroupIndex()).map.put(key, new Entry<>(copy, backend.currentVersion()));
        return copy;
    }

    void put(N namespace, S value) {
        StateKey<K, N> key = currentKey(namespace);
        KeyGroupMap<K, N, S> m = writableMap(backend.getCurrentKeyGroupIndex());
        Entry<S> e = m.map.get(key);
        if (e == null) {
            // a new entry keeps its key: copy it, in case the caller reuses (mutates) key objects
            m.map.put(new StateKey<>(keySerializer.copy(key.key()), namespaceSerializer.copy(namespace)),
                new Entry<>(value, backend.currentVersion()));
        } else if (e.version > backend.highestRetainedVersion()) {
            e.value = value;
        } else {
            m.map.put(key, new Entry<>(value, backend.currentVersion()));
        }
    }

    void remove(N namespace) {
        StateKey<K, N> key = currentKey(namespace);
        KeyGroupMap<K, N, S> m = readMap();
        if (m.map.containsKey(key)) {
            writableMap(backend.getCurrentKeyGroupIndex()).map.remove(key);
        }
    }

    /** Counts an access for incremental TTL cleanup; states call it before (never during) an operation. */
    void onAccess() {
        if (ttl == null || ttl.cleanupEntriesPerAccess() == 0 || maps.length == 0) {
            return;
        }
        cleanupBudget += ttl.cleanupEntriesPerAccess();
        for (int tries = 0; tries < maps.length; tries++) {
            int size = maps[cleanupCursor].map.size();
            if (cleanupBudget < size) {
                return;
            }
            cleanupBudget -= size;
            if (size > 0) {
                removeExpired(cleanupCursor);
            }
            cleanupCursor = (cleanupCursor + 1) % maps.length;
        }
    }

    private void removeExpired(int index) {
        long now = ttl.now();
        KeyGroupMap<K, N, S> m = writableMapAt(index);
        for (Iterator<Map.Entry<StateKey<K, N>, Entry<S>>> it = m.map.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<StateKey<K, N>, Entry<S>> e = it.next();
            S live = layout.removeExpired(e.getValue().value, now);
            if (live == null) {
                it.remove();
            } else if (live != e.getValue().value) {
                e.setValue(new Entry<>(live, backend.currentVersion()));
            }
        }
    }

    /** Keys with an entry in {@code namespace}, across this backend's key groups. */
    Stream<K> keys(N namespace) {
        List<K> keys = new ArrayList<>();
        for (KeyGroupMap<K, N, S> m : maps) {
            for (StateKey<K, N> k : m.map.keySet()) {
                if (Objects.equals(k.namespace(), namespace)) {
                    keys.add(k.key());
                }
            }
        }
        return keys.stream();
    }

    /** The current map of key group number {@code index} relative to the range start (for tests). */
    KeyGroupMap<K, N, S> mapAt(int index) {
        return maps[index];
    }

    /** Synchronous part of a snapshot: the current maps, which the task thread will not mutate from now on. */
    KeyGroupMap<K, N, S>[] captureMaps() {
        return maps.clone();
    }

    /** Restores one snapshot record into key group {@code keyGroup} (restore time, nothing shared). */
    void restoreRecord(int keyGroup, TypeSerializer<K> keySerializer, byte[] key, byte[] value) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(key);
        K k = keySerializer.deserialize(in);
        N ns = namespaceSerializer.deserialize(in);
        StateKey<K, N> stateKey = new StateKey<>(k, ns);
        KeyGroupMap<K, N, S> m = writableMapAt(keyGroup - backend.getKeyGroupRange().getStartKeyGroup());
        Entry<S> current = m.map.get(stateKey);
        S restored = layout.restoreRecord(current == null ? null : current.value, in, value);
        m.map.put(stateKey, new Entry<>(restored, backend.currentVersion()));
    }

    void clearAll() {
        for (int i = 0; i < maps.length; i++) {
            maps[i] = new KeyGroupMap<>(new HashMap<>(), backend.currentVersion());
        }
    }

    private StateKey<K, N> currentKey(N namespace) {
        backend.checkKeySet(meta.name());
        if (namespace == null) {
            throw new IllegalStateException("no namespace set on keyed state '" + meta.name() + "'");
        }
        return new StateKey<>(backend.getCurrentKey(), namespace);
    }

    private KeyGroupMap<K, N, S> readMap() {
        return maps[backend.getCurrentKeyGroupIndex() - backend.getKeyGroupRange().getStartKeyGroup()];
    }

    private KeyGroupMap<K, N, S> writableMap(int keyGroup) {
        return writableMapAt(keyGroup - backend.getKeyGroupRange().getStartKeyGroup());
    }

    private KeyGroupMap<K, N, S> writableMapAt(int index) {
        KeyGroupMap<K, N, S> m = maps[index];
        if (m.version <= backend.highestRetainedVersion()) {
            m = new KeyGroupMap<>(new HashMap<>(m.map), backend.currentVersion());
            maps[index] = m;
        }
        return m;
    }
}
