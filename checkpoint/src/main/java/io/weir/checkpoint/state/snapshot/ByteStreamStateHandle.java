package io.weir.checkpoint.state.snapshot;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;

/** Snapshot bytes kept inline (they travel inside the checkpoint's {@code _metadata}). */
public final class ByteStreamStateHandle implements StreamStateHandle {
    private static final long serialVersionUID = 1L;

    private final String handleName;
    private final byte[] data;

    public ByteStreamStateHandle(String handleName, byte[] data) {
        this.handleName = Objects.requireNonNull(handleName, "handleName");
        this.data = Objects.requireNonNull(data, "data");
    }

    public String getHandleName() {
        return handleName;
    }

    /** The bytes (not copied; do not modify). */
    public byte[] getData() {
        return data;
    }

    @Override
    public InputStream openInputStream() {
        return new ByteArrayInputStream(data);
    }

    @Override
    public long getStateSize() {
        return data.length;
    }

    @Override
    public void discardState() {
    }

    @Override
    public String toString() {
        return "ByteStreamStateHandle{" + handleName + ", " + data.length + " bytes}";
    }
}
