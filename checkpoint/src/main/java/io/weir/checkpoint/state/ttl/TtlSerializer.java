package io.weir.checkpoint.state.ttl;

import io.weir.checkpoint.serialization.DataInputView;
import io.weir.checkpoint.serialization.DataOutputView;
import io.weir.checkpoint.serialization.TypeSerializer;
import java.io.IOException;

/**
 * Serializes a {@link TtlValue} as {@code timestamp (8 bytes) | present (1 byte) | user value}. The
 * timestamp comes first so that a backend can check expiry on raw bytes without the user serializer.
 */
public final class TtlSerializer<T> implements TypeSerializer<TtlValue<T>> {
    private final TypeSerializer<T> userSerializer;

    public TtlSerializer(TypeSerializer<T> userSerializer) {
        this.userSerializer = userSerializer;
    }

    public TypeSerializer<T> getUserSerializer() {
        return userSerializer;
    }

    @Override
    public void serialize(TtlValue<T> value, DataOutputView out) throws IOException {
        out.writeLong(value.lastAccessTimestamp());
        out.writeBoolean(value.userValue() != null);
        if (value.userValue() != null) {
            userSerializer.serialize(value.userValue(), out);
        }
    }

    @Override
    public String snapshotIdentity() {
        return "Ttl(" + userSerializer.snapshotIdentity() + ")";
    }

    @Override
    public TtlValue<T> deserialize(DataInputView in) throws IOException {
        long ts = in.readLong();
        T v = in.readBoolean() ? userSerializer.deserialize(in) : null;
        return new TtlValue<>(v, ts);
    }

    @Override
    public TtlValue<T> copy(TtlValue<T> value) {
        if (value == null || userSerializer.isImmutableType() || value.userValue() == null) {
            return value;
        }
        return new TtlValue<>(userSerializer.copy(value.userValue()), value.lastAccessTimestamp());
    }

    @Override
    public boolean isImmutableType() {
        return userSerializer.isImmutableType();
    }

    @Override
    public TypeSerializer<TtlValue<T>> duplicate() {
        TypeSerializer<T> dup = userSerializer.duplicate();
        return dup == userSerializer ? this : new TtlSerializer<>(dup);
    }
}
