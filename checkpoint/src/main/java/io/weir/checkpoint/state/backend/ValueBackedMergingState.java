package io.weir.checkpoint.state.backend;

import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.internal.InternalValueState;
import java.util.Collection;

/**
 * What reducing and aggregating states share: one value per (key, namespace) in a backend's value
 * state, and namespace merging (for session windows) that folds the sources' values into the
 * target's with {@link #combine}.
 */
abstract class ValueBackedMergingState<K, N, V> {
    final InternalValueState<K, N, V> inner;
    private N currentNamespace;

    ValueBackedMergingState(InternalValueState<K, N, V> inner) {
        this.inner = inner;
    }

    /** Folds two stored values into one (reduce, or merge of accumulators). */
    abstract V combine(V a, V b) throws Exception;

    public void mergeNamespaces(N target, Collection<N> sources) throws Exception {
        V merged = null;
        for (N source : sources) {
            if (source.equals(target)) {
                continue;
            }
            inner.setCurrentNamespace(source);
            V v = inner.value();
            if (v != null) {
                merged = merged == null ? v : combine(merged, v);
                inner.clear();
            }
        }
        if (merged != null) {
            inner.setCurrentNamespace(target);
            V current = inner.value();
            inner.update(current == null ? merged : combine(current, merged));
        }
        inner.setCurrentNamespace(currentNamespace);
    }

    public void setCurrentNamespace(N namespace) {
        currentNamespace = namespace;
        inner.setCurrentNamespace(namespace);
    }

    public TypeSerializer<N> getNamespaceSerializer() {
        return inner.getNamespaceSerializer();
    }

    public String getStateName() {
        return inner.getStateName();
    }

    public void clear() {
        inner.clear();
    }
}
