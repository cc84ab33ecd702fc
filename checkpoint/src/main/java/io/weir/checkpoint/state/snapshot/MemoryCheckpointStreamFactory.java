package io.weir.checkpoint.state.snapshot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.UUID;

/** Keeps snapshot streams in memory as {@link ByteStreamStateHandle}s, up to a maximum size each. */
public final class MemoryCheckpointStreamFactory implements CheckpointStreamFactory {
    private final int maxStateSize;

    public MemoryCheckpointStreamFactory(int maxStateSize) {
        this.maxStateSize = maxStateSize;
    }

    /** Unbounded (for tests and savepoints to memory). */
    public MemoryCheckpointStreamFactory() {
        this(Integer.MAX_VALUE);
    }

    @Override
    public CheckpointStateOutputStream createCheckpointStateOutputStream() {
        return new MemoryStream(maxStateSize);
    }

    private static final class MemoryStream extends CheckpointStateOutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        private final int maxSize;
        private boolean closed;

        MemoryStream(int maxSize) {
            this.maxSize = maxSize;
        }

        @Override
        public void write(int b) throws IOException {
            ensureRoom(1);
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ensureRoom(len);
            bytes.write(b, off, len);
        }

        private void ensureRoom(int n) throws IOException {
            if (closed) {
                throw new IOException("stream already closed");
            }
            if ((long) bytes.size() + n > maxSize) {
                throw new IOException("state of " + ((long) bytes.size() + n) + " bytes exceeds the in-memory maximum of "
                    + maxSize + " bytes; use a filesystem checkpoint storage");
            }
        }

        @Override
        public long getPos() {
            return bytes.size();
        }

        @Override
        public StreamStateHandle closeAndGetHandle() {
            closed = true;
            return bytes.size() == 0 ? null : new ByteStreamStateHandle(UUID.randomUUID().toString(), bytes.toByteArray());
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
