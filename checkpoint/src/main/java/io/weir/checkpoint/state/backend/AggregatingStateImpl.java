package io.weir.checkpoint.state.backend;

import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.AggregateFunction;
import io.weir.checkpoint.state.internal.InternalAggregatingState;
import io.weir.checkpoint.state.internal.InternalValueState;
import java.util.Collection;

/** An aggregating state on top of any backend's value state of accumulators (with or without TTL). */
public final class AggregatingStateImpl<K, N, IN, ACC, OUT> implements InternalAggregatingState<K, N, IN, ACC, OUT> {
    private final InternalValueState<K, N, ACC> inner;
    private final AggregateFunction<IN, ACC, OUT> function;
    private N currentNamespace;

    public AggregatingStateImpl(InternalValueState<K, N, ACC> inner, AggregateFunction<IN, ACC, OUT> function) {
        this.inner = inner;
        this.function = function;
    }

    @Override
    public OUT get() throws Exception {
        ACC acc = inner.value();
        return acc == null ? null : function.getResult(acc);
    }

    @Override
    public void add(IN value) throws Exception {
        ACC acc = inner.value();
        inner.update(function.add(value, acc == null ? function.createAccumulator() : acc));
    }

    @Override
    public void mergeNamespaces(N target, Collection<N> sources) throws Exception {
        ACC merged = null;
        for (N source : sources) {
            if (source.equals(target)) {
                continue;
            }
            inner.setCurrentNamespace(source);
            ACC acc = inner.value();
            if (acc != null) {
                merged = merged == null ? acc : function.merge(merged, acc);
                inner.clear();
            }
        }
        if (merged != null) {
            inner.setCurrentNamespace(target);
            ACC current = inner.value();
            inner.update(current == null ? merged : function.merge(current, merged));
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
