package io.weir.checkpoint.state;

import io.weir.checkpoint.serialization.TypeSerializer;
import java.util.Objects;

/** Declares a {@link ReducingState}. */
public final class ReducingStateDescriptor<T> extends StateDescriptor<ReducingState<T>, T> {
    private final ReduceFunction<T> reduceFunction;

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, TypeSerializer<T> serializer) {
        super(name, serializer);
        this.reduceFunction = Objects.requireNonNull(reduceFunction, "reduce function of state '" + name + "'");
    }

    public ReduceFunction<T> getReduceFunction() {
        return reduceFunction;
    }

    @Override
    public Type getType() {
        return Type.REDUCING;
    }
}
