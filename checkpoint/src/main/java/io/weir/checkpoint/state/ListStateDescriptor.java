package io.weir.checkpoint.state;

import io.weir.checkpoint.serialization.TypeSerializer;

/** Declares a {@link ListState}; {@link #getSerializer()} serializes one element. */
public final class ListStateDescriptor<T> extends StateDescriptor<ListState<T>, T> {
    public ListStateDescriptor(String name, TypeSerializer<T> elementSerializer) {
        super(name, elementSerializer);
    }

    public TypeSerializer<T> getElementSerializer() {
        return getSerializer();
    }

    @Override
    public Type getType() {
        return Type.LIST;
    }
}
