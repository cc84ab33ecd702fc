package io.weir.checkpoint.state.operator;

import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.BroadcastState;
import java.util.HashMap;
import java.util.Map;

/** Broadcast state: a plain map, copied (deeply) by a snapshot's synchronous part. */
final class HeapBroadcastState<K, V> implements BroadcastState<K, V> {
    private final String name;
    private final TypeSerializer<K> keySerializer;
    private final TypeSerializer<V> valueSerializer;
    private final HashMap<K, V> map = new HashMap<>();

    HeapBroadcastState(String name, TypeSerializer<K> keySerializer, TypeSerializer<V> valueSerializer) {
        this.name = name;
        this.keySerializer = keySerializer;
        this.valueSerializer = valueSerializer;
    }

    String name() {
        return name;
    }

    TypeSerializer<K> keySerializer() {
        return keySerializer;
    }

    TypeSerializer<V> valueSerializer() {
        return valueSerializer;
    }

    Map<K, V> copyEntries() {
        Map<K, V> copy = new HashMap<>();
        map.forEach((k, v) -> copy.put(keySerializer.copy(k), v == null ? null : valueSerializer.copy(v)));
        return copy;
    }

    void putRestored(K key, V value) {
        map.put(key, value);
    }

    @Override
    public V get(K key) {
        return map.get(key);
    }

    @Override
    public void put(K key, V value) {
        map.put(key, value);
    }

    @Override
    public void remove(K key) {
        map.remove(key);
    }

    @Override
    public boolean contains(K key) {
        return map.containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
        return map.entrySet();
    }

    @Override
    public void clear() {
        map.clear();
    }
}
