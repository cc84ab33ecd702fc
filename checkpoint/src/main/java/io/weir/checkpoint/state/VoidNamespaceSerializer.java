package io.weir.checkpoint.state;

import io.weir.checkpoint.serialization.DataInputView;
import io.weir.checkpoint.serialization.DataOutputView;
import io.weir.checkpoint.serialization.TypeSerializer;
import java.io.IOException;

/** Serializes {@link VoidNamespace} as one zero byte (never empty, so RocksDB prefixes stay unambiguous). */
public final class VoidNamespaceSerializer implements TypeSerializer<VoidNamespace> {
    public static final VoidNamespaceSerializer INSTANCE = new VoidNamespaceSerializer();

    private VoidNamespaceSerializer() {
    }

    @Override
    public void serialize(VoidNamespace value, DataOutputView out) throws IOException {
        out.writeByte(0);
    }

    @Override
    public VoidNamespace deserialize(DataInputView in) throws IOException {
        in.readByte();
        return VoidNamespace.INSTANCE;
    }

    @Override
    public VoidNamespace copy(VoidNamespace value) {
        return value;
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }
}
