package io.weir.checkpoint.state;

import io.weir.checkpoint.serialization.TypeSerializer;
import java.util.Objects;

/** Declares a {@link MapState} (or a {@link BroadcastState}); {@link #getSerializer()} serializes a user value. */
public final class MapStateDescriptor<UK, UV> extends StateDescriptor<MapState<UK, UV>, UV> {
    private final TypeSerializer<UK> keySerializer;

    public MapStateDescriptor(String name, TypeSerializer<UK> userKeySerializer, TypeSerializer<UV> userValueSerializer) {
        super(name, userValueSerializer);
        this.keySerializer = Objects.requireNonNull(userKeySerializer, "user key serializer of state '" + name + "'");
    }

    public TypeSerializer<UK> getUserKeySerializer() {
        return keySerializer;
    }

    public TypeSerializer<UV> getUserValueSerializer() {
        return getSerializer();
    }

    @Override
    public Type getType() {
        return Type.MAP;
    }
}
