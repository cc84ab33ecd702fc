package io.weir.checkpoint.serialization;

import java.io.IOException;

/** Serializes non-null {@code String}s as length-prefixed UTF-8 (see {@link DataOutputSerializer#writeUTF}). */
public final class StringSerializer implements TypeSerializer<String> {
    public static final StringSerializer INSTANCE = new StringSerializer();

    private StringSerializer() {
    }

    @Override
    public void serialize(String value, DataOutputView out) throws IOException {
        out.writeUTF(value);
    }

    @Override
    public String deserialize(DataInputView in) throws IOException {
        return in.readUTF();
    }

    @Override
    public String copy(String value) {
        return value;
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }
}
