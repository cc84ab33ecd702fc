package io.weir.checkpoint.serialization;

import java.io.DataInput;
import java.io.IOException;

/** The source serializers read from; a {@link DataInput} that can also report its remaining bytes. */
public interface DataInputView extends DataInput {

    /** Reads up to {@code len} bytes into {@code b} and returns how many were read, or -1 at the end. */
    int read(byte[] b, int off, int len) throws IOException;

    /** Skips exactly {@code numBytes} bytes or fails with an {@link java.io.EOFException}. */
    void skipBytesToRead(int numBytes) throws IOException;
}
