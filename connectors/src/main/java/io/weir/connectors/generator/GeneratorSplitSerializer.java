package io.weir.connectors.generator;

import io.weir.checkpoint.serialization.DataInputView;
import io.weir.checkpoint.serialization.DataOutputView;
import io.weir.checkpoint.serialization.TypeSerializer;

import java.io.IOException;

/** Stores a {@link GeneratorSplit} with its position. */
public final class GeneratorSplitSerializer implements TypeSerializer<GeneratorSplit> {
    public static final GeneratorSplitSerializer INSTANCE = new GeneratorSplitSerializer();
    private static final int VERSION = 1;

    @Override
    public void serialize(GeneratorSplit s, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        out.writeUTF(s.source());
        out.writeInt(s.index());
        out.writeInt(s.numSplits());
        out.writeLong(s.nextOrdinal());
        out.writeLong(s.anchorMillis());
    }

    @Override
    public GeneratorSplit deserialize(DataInputView in) throws IOException {
        int version = in.readByte();
        if (version != VERSION) {
            throw new IOException("unknown generator split version " + version);
        }
        return new GeneratorSplit(in.readUTF(), in.readInt(), in.readInt(), in.readLong(), in.readLong());
    }

    @Override
    public GeneratorSplit copy(GeneratorSplit value) {
        return value;
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }
}
