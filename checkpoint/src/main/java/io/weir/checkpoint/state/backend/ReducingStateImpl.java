package io.weir.checkpoint.state.backend;

import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.ReduceFunction;
import io.weir.checkpoint.state.internal.InternalReducingState;
import io.weir.checkpoint.state.internal.InternalValueState;
import java.util.Collection;

/** A reducing state on top of any backend's value state (with or without TTL). */
public final class ReducingStateImpl<K, N, T> implements InternalReducingState<K, N, T> {
    private final InternalValueState<K, N, T> inner;
    private final ReduceFunction<T> reduceFunction;
    private N currentNamespace;

    public ReducingStateImpl(InternalValueState<K, N, T> inner, ReduceFunction<T> reduceFunction) {
        this.inner = inner;
        this.reduceFunction = reduceFunction;
    }

    @Override
    public T get() throws Exception {
        return inner.value();
    }

    @Override
    public void add(T value) throws Exception {
        if (value == null) {
            throw new NullPointerException("reducing state '" + getStateName() + "' does not accept null");
        }
        T current = inner.value();
        inner.update(current == null ? value : reduceFunction.reduce(current, value));
    }

    @Override
    public void mergeNamespaces(N target, Collection<N> sources) throws Exception {
        T merged = null;
        for (N source : sources) {
            if (source.equals(target)) {
                continue;
            }
            inner.setCurrentNamespace(source);
            T v = inner.value();
            if (v != null) {
                merged = merged == null ? v : reduceFunction.reduce(merged, v);
                inner.clear();
            }
        }
        if (merged != null) {
            inner.setCurrentNamespace(target);
            T current = inner.value();
            inner.update(current == null ? merged : reduceFunction.reduce(current, merged));
        }
        inner.setCurrentNamespace(currentNamespace);
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        currentNamespace = namespace;
        inner.setCurrentNamespace(namespace);
    }

    @Override
    public TypeSerializer<N> getNamespaceSerializer() {
        return inner.getNamespaceSerializer();
    }

    @Override
    public String getStateName() {
        return inner.getStateName();
    }

    @Override
    public void clear() {
        inner.clear();
    }
}
