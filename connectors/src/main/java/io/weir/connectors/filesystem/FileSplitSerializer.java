package io.weir.connectors.filesystem;

import io.weir.checkpoint.serialization.DataInputView;
import io.weir.checkpoint.serialization.DataOutputView;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.connectors.format.FilePosition;

import java.io.IOException;

/** Stores a {@link FileSplit} with its position. */
final class FileSplitSerializer implements TypeSerializer<FileSplit> {
    static final FileSplitSerializer INSTANCE = new FileSplitSerializer();
    private static final int VERSION = 1;

    @Override
    public void serialize(FileSplit s, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        byte[] path = s.path().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(path.length);
        out.write(path);
        out.writeLong(s.position().offset());
        out.writeLong(s.position().recordsToSkip());
        out.writeInt(s.rowsToSkip());
    }

    @Override
    public FileSplit deserialize(DataInputView in) throws IOException {
        int version = in.readByte();
        if (version != VERSION) {
            throw new IOException("unknown file split version " + version);
        }
        byte[] path = new byte[in.readInt()];
        in.readFully(path);
        return new FileSplit(new String(path, java.nio.charset.StandardCharsets.UTF_8),
            new FilePosition(in.readLong(), in.readLong()), in.readInt());
    }

    @Override
    public FileSplit copy(FileSplit value) {
        return value;
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }
}
