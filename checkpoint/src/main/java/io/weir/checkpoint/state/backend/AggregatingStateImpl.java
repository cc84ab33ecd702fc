package io.weir.checkpoint.state.backend;

import io.weir.checkpoint.state.AggregateFunction;
import io.weir.checkpoint.state.internal.InternalAggregatingState;
import io.weir.checkpoint.state.internal.InternalValueState;

/** An aggregating state on top of any backend's value state of accumulators (with or without TTL). */
public final class AggregatingStateImpl<K, N, IN, ACC, OUT> extends ValueBackedMergingState<K, N, ACC>
    implements InternalAggregatingState<K, N, IN, ACC, OUT> {
    private final AggregateFunction<IN, ACC, OUT> function;

    public AggregatingStateImpl(InternalValueState<K, N, ACC> inner, AggregateFunction<IN, ACC, OUT> function) {
        super(inner);
        this.function = function;
    }

    @Override
    ACC combine(ACC a, ACC b) throws Exception {
        return function.merge(a, b);
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
}
