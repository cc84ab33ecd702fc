package io.weir.checkpoint.state.internal;

import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.State;

/**
 * The runtime's view of one keyed state: the public state interface plus a namespace that the
 * operator sets before each access. The key is the backend's current key
 * ({@link io.weir.checkpoint.state.KeyedStateBackend#setCurrentKey}). Task thread only.
 *
 * @param <K> key type
 * @param <N> namespace type
 * @param <V> type of the value stored per key and namespace
 */
public interface InternalKvState<K, N, V> extends State {
    /** Scopes the following calls to {@code namespace} (a window, or {@code VoidNamespace}). */
    void setCurrentNamespace(N namespace);

    TypeSerializer<N> getNamespaceSerializer();

    /** The descriptor's name. */
    String getStateName();
}
