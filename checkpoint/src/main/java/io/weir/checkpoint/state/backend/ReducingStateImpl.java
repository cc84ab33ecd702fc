package io.weir.checkpoint.state.backend;

import io.weir.checkpoint.state.ReduceFunction;
import io.weir.checkpoint.state.internal.InternalReducingState;
import io.weir.checkpoint.state.internal.InternalValueState;

/** A reducing state on top of any backend's value state (with or without TTL). */
public final class ReducingStateImpl<K, N, T> extends ValueBackedMergingState<K, N, T>
    implements InternalReducingState<K, N, T> {
    private final ReduceFunction<T> reduceFunction;

    public ReducingStateImpl(InternalValueState<K, N, T> inner, ReduceFunction<T> reduceFunction) {
        super(inner);
        this.reduceFunction = reduceFunction;
    }

    @Override
    T combine(T a, T b) throws Exception {
        return reduceFunction.reduce(a, b);
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
}
