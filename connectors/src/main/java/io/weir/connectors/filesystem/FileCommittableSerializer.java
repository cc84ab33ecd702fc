package io.weir.connectors.filesystem;

import io.weir.checkpoint.serialization.DataInputView;
import io.weir.checkpoint.serialization.DataOutputView;
import io.weir.checkpoint.serialization.TypeSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Stores {@link FileCommittable}s in checkpoints. */
final class FileCommittableSerializer implements TypeSerializer<FileCommittable> {
    static final FileCommittableSerializer INSTANCE = new FileCommittableSerializer();
    private static final int VERSION = 1;

    @Override
    public void serialize(FileCommittable c, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        writeString(out, c.pendingPath());
        writeString(out, c.finalPath());
    }

    @Override
    public FileCommittable deserialize(DataInputView in) throws IOException {
        int version = in.readByte();
        if (version != VERSION) {
            throw new IOException("unknown file committable version " + version);
        }
        return new FileCommittable(readString(in), readString(in));
    }

    static void writeString(DataOutputView out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputView in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public FileCommittable copy(FileCommittable value) {
        return value;
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }
}
