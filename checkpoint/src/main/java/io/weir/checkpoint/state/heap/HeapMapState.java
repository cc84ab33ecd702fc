package io.weir.checkpoint.state.heap;

import io.weir.checkpoint.serialization.DataInputDeserializer;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.internal.InternalMapState;
import io.weir.checkpoint.state.ttl.TtlFilter;
import io.weir.checkpoint.state.ttl.TtlValue;
import java.io.IOException;
import java.util.Collections;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/** A heap map state: a {@code HashMap} per entry. */
final class HeapMapState<K, N, UK, UV> implements InternalMapState<K, N, UK, UV> {
    private final CopyOnWriteStateTable<K, N, HashMap<UK, UV>> table;
    private N namespace;

    HeapMapState(CopyOnWriteStateTable<K, N, HashMap<UK, UV>> table) {
        this.table = table;
    }

    @Override
    public UV get(UK key) {
        table.onAccess();
        HashMap<UK, UV> map = table.get(namespace);
        return map == null ? null : map.get(key);
    }

    @Override
    public void put(UK key, UV value) {
        table.onAccess();
        HashMap<UK, UV> map = table.getForUpdate(namespace);
        if (map == null) {
            map = new HashMap<>();
            map.put(key, value);
            table.put(namespace, map);
        } else {
            map.put(key, value);
        }
    }

    @Override
    public void putAll(Map<UK, UV> entries) {
        if (entries == null || entries.isEmpty()) {
            return;
        }
        table.onAccess();
        HashMap<UK, UV> map = table.getForUpdate(namespace);
        if (map == null) {
            table.put(namespace, new HashMap<>(entries));
        } else {
            map.putAll(entries);
        }
    }

    @Override
    public void remove(UK key) {
        table.onAccess();
        HashMap<UK, UV> map = table.get(namespace);
        if (map == null || !map.containsKey(key)) {
            return;
        }
        map = table.getForUpdate(namespace);
        map.remove(key);
        if (map.isEmpty()) {
            table.remove(namespace);
        }
    }

    @Override
    public boolean contains(UK key) {
        table.onAccess();
        HashMap<UK, UV> map = table.get(namespace);
        return map != null && map.containsKey(key);
    }

    /**
     * A live view of the current key's map; its iterator's {@code remove} and {@code Entry.setValue}
     * write through (iterate before changing the current key).
     */
    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        return view(Map::entrySet);
    }

    @Override
    public Iterable<UK> keys() {
        return view(Map::keySet);
    }

    @Override
    public Iterable<UV> values() {
        return view(Map::values);
    }

    private <T> Iterable<T> view(Function<HashMap<UK, UV>, Collection<T>> part) {
        table.onAccess();
        HashMap<UK, UV> map = table.getForUpdate(namespace);
        if (map == null) {
            return Collections.emptyList();
        }
        N ns = namespace;
        return () -> new Iterator<T>() {
            private final Iterator<T> it = part.apply(map).iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public T next() {
                return it.next();
            }

            @Override
            public void remove() {
                it.remove();
                if (map.isEmpty()) {
                    table.remove(ns);
                }
            }
        };
    }

    @Override
    public boolean isEmpty() {
        table.onAccess();
        HashMap<UK, UV> map = table.get(namespace);
        return map == null || map.isEmpty();
    }

    @Override
    public void clear() {
        table.remove(namespace);
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        this.namespace = namespace;
    }

    @Override
    public TypeSerializer<N> getNamespaceSerializer() {
        return table.namespaceSerializer();
    }

    @Override
    public String getStateName() {
        return table.meta().name();
    }

    /** One record per user entry: key = key + namespace + user key, value = null flag + user value. */
    static final class Layout<K, N, UK, UV> implements HeapLayout<K, N, HashMap<UK, UV>> {
        private final TypeSerializer<K> keySerializer;
        private final TypeSerializer<N> namespaceSerializer;
        private final TypeSerializer<UK> userKeySerializer;
        private final TypeSerializer<UV> userValueSerializer;
        private final TtlFilter ttl;

        Layout(TypeSerializer<K> keySerializer, TypeSerializer<N> namespaceSerializer, TypeSerializer<UK> userKeySerializer,
               TypeSerializer<UV> userValueSerializer, TtlFilter ttl) {
            this.keySerializer = keySerializer;
            this.namespaceSerializer = namespaceSerializer;
            this.userKeySerializer = userKeySerializer;
            this.userValueSerializer = userValueSerializer;
            this.ttl = ttl;
        }

        @Override
        public HashMap<UK, UV> copy(HashMap<UK, UV> value) {
            HashMap<UK, UV> copy = new HashMap<>(value);
            if (!userValueSerializer.isImmutableType()) {
                copy.replaceAll((k, v) -> v == null ? null : userValueSerializer.copy(v));
            }
            return copy;
        }

        @Override
        public HashMap<UK, UV> removeExpired(HashMap<UK, UV> value, long now) {
            if (ttl == null) {
                return value.isEmpty() ? null : value;
            }
            HashMap<UK, UV> live = new HashMap<>();
            for (Map.Entry<UK, UV> e : value.entrySet()) {
                if (!ttl.isExpired((TtlValue<?>) e.getValue(), now)) {
                    live.put(e.getKey(), e.getValue());
                }
            }
            return live.size() == value.size() ? value : live.isEmpty() ? null : live;
        }

        @Override
        public void writeRecords(K key, N namespace, HashMap<UK, UV> value, RecordOutput out) throws IOException {
            for (Map.Entry<UK, UV> e : value.entrySet()) {
                userKeySerializer.serialize(e.getKey(), out.keyBuffer());
                out.valueBuffer().writeBoolean(e.getValue() == null);
                if (e.getValue() != null) {
                    userValueSerializer.serialize(e.getValue(), out.valueBuffer());
                }
                out.emit();
            }
        }

        @Override
        public HashMap<UK, UV> restoreRecord(HashMap<UK, UV> current, DataInputDeserializer keyRest, byte[] value)
            throws IOException {
            HashMap<UK, UV> map = current == null ? new HashMap<>() : current;
            UK userKey = userKeySerializer.deserialize(keyRest);
            DataInputDeserializer in = new DataInputDeserializer(value);
            map.put(userKey, in.readBoolean() ? null : userValueSerializer.deserialize(in));
            return map;
        }

        @Override
        public HeapLayout<K, N, HashMap<UK, UV>> duplicate() {
            return new Layout<>(keySerializer.duplicate(), namespaceSerializer.duplicate(), userKeySerializer.duplicate(),
                userValueSerializer.duplicate(), ttl);
        }
    }
}
