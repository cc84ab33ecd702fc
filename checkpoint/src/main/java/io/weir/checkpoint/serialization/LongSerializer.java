package io.weir.checkpoint.serialization;

import java.io.IOException;

/** Serializes non-null {@code Long}s (e.g. window namespaces: slice and window ends) as 8 big-endian bytes. */
public final class LongSerializer implements TypeSerializer<Long> {
    public static final LongSerializer INSTANCE = new LongSerializer();

    private LongSerializer() {
    }

    @Override
    public void serialize(Long value, DataOutputView out) throws IOException {
        out.writeLong(value);
    }

    @Override
    public Long deserialize(DataInputView in) throws IOException {
        return in.readLong();
    }

    @Override
    public Long copy(Long value) {
        return value;
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LongSerializer;
    }

    @Override
    public int hashCode() {
        return LongSerializer.class.hashCode();
    }
}
