package io.weir.checkpoint.state.snapshot;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Writes each snapshot stream to a new file in a directory, or keeps it inline when it stays below
 * {@code inlineThreshold} bytes (the checkpoint storage's {@code data-inline-threshold}).
 * Files are fsynced before their handle is returned.
 */
public final class FsCheckpointStreamFactory implements CheckpointStreamFactory {
    private final Path directory;
    private final int inlineThreshold;

    public FsCheckpointStreamFactory(Path directory, int inlineThreshold) {
        this.directory = directory;
        this.inlineThreshold = inlineThreshold;
    }

    @Override
    public CheckpointStateOutputStream createCheckpointStateOutputStream() {
        return new FsStream();
    }

    private final class FsStream extends CheckpointStateOutputStream {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private Path file;
        private OutputStream fileOut;
        private long pos;
        private boolean closed;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("stream already closed");
            }
            if (fileOut == null && buffer.size() + len > inlineThreshold) {
                Files.createDirectories(directory);
                file = directory.resolve(UUID.randomUUID().toString());
                fileOut = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
                buffer.writeTo(fileOut);
                buffer.reset();
            }
            if (fileOut != null) {
                fileOut.write(b, off, len);
            } else {
                buffer.write(b, off, len);
            }
            pos += len;
        }

        @Override
        public long getPos() {
            return pos;
        }

        @Override
        public StreamStateHandle closeAndGetHandle() throws IOException {
            closed = true;
            if (fileOut == null) {
                return pos == 0 ? null : new ByteStreamStateHandle(UUID.randomUUID().toString(), buffer.toByteArray());
            }
            fileOut.flush();
            fileOut.close();
            try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            return new FileStateHandle(file, pos);
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                if (fileOut != null) {
                    fileOut.close();
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
