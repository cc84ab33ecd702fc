package io.weir.runtime.operators.sql;

import io.weir.checkpoint.serialization.DataInputView;
import io.weir.checkpoint.serialization.DataOutputView;
import io.weir.checkpoint.serialization.TypeSerializer;
import java.io.IOException;
import java.util.Arrays;

/** Serializes the non-null {@code long[]} counts of a distinct value ({@link DistinctStateStore}): length, then each count. */
final class CountsSerializer implements TypeSerializer<long[]> {
    static final CountsSerializer INSTANCE = new CountsSerializer();

    private CountsSerializer() {
    }

    @Override
    public void serialize(long[] value, DataOutputView out) throws IOException {
        out.writeInt(value.length);
        for (long c : value) {
            out.writeLong(c);
        }
    }

    @Override
    public long[] deserialize(DataInputView in) throws IOException {
        long[] counts = new long[in.readInt()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = in.readLong();
        }
        return counts;
    }

    @Override
    public long[] copy(long[] value) {
        return Arrays.copyOf(value, value.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CountsSerializer;
    }

    @Override
    public int hashCode() {
        return CountsSerializer.class.hashCode();
    }
}
