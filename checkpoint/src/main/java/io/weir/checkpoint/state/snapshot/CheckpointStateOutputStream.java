package io.weir.checkpoint.state.snapshot;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where a backend writes one snapshot stream. Used by the asynchronous part of a snapshot, on one
 * thread. {@link #closeAndGetHandle()} completes it; {@link #close()} without it discards it.
 */
public abstract class CheckpointStateOutputStream extends OutputStream {
    /** Bytes written so far (the offset of the next byte). */
    public abstract long getPos() throws IOException;

    /** Closes the stream and returns a handle to what was written (null when nothing was written). */
    public abstract StreamStateHandle closeAndGetHandle() throws IOException;
}
