package io.weir.checkpoint.state;

import java.util.Map;

/** Operator state that is identical on every subtask (a map); restored whole everywhere. */
public interface BroadcastState<K, V> {
    V get(K key) throws Exception;

    void put(K key, V value) throws Exception;

    void remove(K key) throws Exception;

    boolean contains(K key) throws Exception;

    Iterable<Map.Entry<K, V>> entries() throws Exception;

    void clear() throws Exception;
}
