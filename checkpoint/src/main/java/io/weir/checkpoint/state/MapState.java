package io.weir.checkpoint.state;

import java.util.Map;

/**
 * A map per key and namespace. Iterators see a consistent view only while the state is not
 * modified, except through their own {@code remove}.
 */
public interface MapState<UK, UV> extends State {
    UV get(UK key) throws Exception;

    void put(UK key, UV value) throws Exception;

    void putAll(Map<UK, UV> map) throws Exception;

    void remove(UK key) throws Exception;

    boolean contains(UK key) throws Exception;

    Iterable<Map.Entry<UK, UV>> entries() throws Exception;

    Iterable<UK> keys() throws Exception;

    Iterable<UV> values() throws Exception;

    /** True when the map for the current key and namespace has no entries. */
    boolean isEmpty() throws Exception;
}
