package io.weir.checkpoint.state;

import io.weir.checkpoint.serialization.TypeSerializer;

/** Declares a {@link ValueState}. */
public final class ValueStateDescriptor<T> extends StateDescriptor<ValueState<T>, T> {
    public ValueStateDescriptor(String name, TypeSerializer<T> serializer) {
        super(name, serializer);
    }

    @Override
    public Type getType() {
        return Type.VALUE;
    }
}
