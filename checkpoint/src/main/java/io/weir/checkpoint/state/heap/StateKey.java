package io.weir.checkpoint.state.heap;

/** The (key, namespace) a heap state entry belongs to. */
record StateKey<K, N>(K key, N namespace) {
}
