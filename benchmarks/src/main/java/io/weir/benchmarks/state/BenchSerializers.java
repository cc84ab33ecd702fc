package io.weir.benchmarks.state;

import io.weir.checkpoint.serialization.DataInputView;
import io.weir.checkpoint.serialization.DataOutputView;
import io.weir.checkpoint.serialization.TypeSerializer;
import java.io.IOException;

/** Serializers for the state benchmarks. */
final class BenchSerializers {
    private BenchSerializers() {
    }

    static final TypeSerializer<Long> LONG = new TypeSerializer<>() {
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
    };
}
