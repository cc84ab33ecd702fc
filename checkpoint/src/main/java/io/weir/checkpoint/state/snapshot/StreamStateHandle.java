package io.weir.checkpoint.state.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

/** Bytes of a snapshot: inline ({@link ByteStreamStateHandle}) or in a file ({@link FileStateHandle}). */
public interface StreamStateHandle extends Serializable {
    InputStream openInputStream() throws IOException;

    /** Size in bytes. */
    long getStateSize();

    /** Deletes what the handle points to (no-op for inline bytes). Idempotent. */
    void discardState() throws IOException;
}
