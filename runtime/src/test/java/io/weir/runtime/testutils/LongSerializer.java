package io.weir.runtime.testutils;

import io.weir.checkpoint.serialization.DataInputView;
import io.weir.checkpoint.serialization.DataOutputView;
import io.weir.checkpoint.serialization.TypeSerializer;
import java.io.IOException;

/** Serializer of non-null Longs for test state. */
public final class LongSerializer implements TypeSerializer<Long> {
    public static final LongSerializer INSTANCE = new LongSerializer();

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
}
