package io.weir.checkpoint.storage;

import io.weir.checkpoint.state.snapshot.ByteStreamStateHandle;
import io.weir.checkpoint.state.snapshot.CheckpointStateOutputStream;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import io.weir.checkpoint.state.snapshot.FileStateHandle;
import io.weir.checkpoint.state.snapshot.StreamStateHandle;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Streams of the filesystem checkpoint storage: a stream stays in memory while it is below
 * {@code data-inline-threshold} (its bytes then go inline into {@code _metadata}); beyond, it is
 * written to a new uniquely named file in the directory through a buffer of
 * {@code write-buffer-size} bytes, and fsynced before its handle is returned. Each stream is used by
 * one thread (a task's asynchronous snapshot thread); the factory may be shared.
 */
public final class FileStateStreamFactory implements CheckpointStreamFactory {
    private final Path directory;
    private final int inlineThreshold;
    private final int writeBufferSize;

    public FileStateStreamFactory(Path directory, int inlineThreshold, int writeBufferSize) {
        this.directory = directory;
        this.inlineThreshold = inlineThreshold;
        this.writeBufferSize = Math.max(1, writeBufferSize);
    }

    @Override
    public CheckpointStateOutputStream createCheckpointStateOutputStream() {
        return new Stream();
    }

    /** Where streams beyond the inline threshold become files. */
    public Path directory() {
        return directory;
    }

    /** Streams up to this many bytes go inline into {@code _metadata}. */
    public int inlineThreshold() {
        return inlineThreshold;
    }

    private final class Stream extends CheckpointStateOutputStream {
        private final ByteArrayOutputStream inline = new ByteArrayOutputStream();
        private Path file;
        private FileChannel channel;
        private OutputStream out;
        private long pos;
        private boolean closed;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("checkpoint stream already closed");
            }
            if (out == null && inline.size() + (long) len > inlineThreshold) {
                openFile();
            }
            if (out != null) {
                out.write(b, off, len);
            } else {
                inline.write(b, off, len);
            }
            pos += len;
        }

        private void openFile() throws IOException {
            Files.createDirectories(directory);
            file = directory.resolve(UUID.randomUUID().toString());
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            out = new BufferedOutputStream(Channels.newOutputStream(channel), writeBufferSize);
            inline.writeTo(out);
            inline.reset();
        }

        @Override
        public long getPos() {
            return pos;
        }

        @Override
        public StreamStateHandle closeAndGetHandle() throws IOException {
            if (closed) {
                throw new IOException("checkpoint stream already closed");
            }
            closed = true;
            if (out == null) {
                return pos == 0 ? null : new ByteStreamStateHandle(UUID.randomUUID().toString(), inline.toByteArray());
            }
            try {
                out.flush();
                channel.force(true);
            } finally {
                out.close();
            }
            return new FileStateHandle(file, pos);
        }

        /** Without {@link #closeAndGetHandle()}: discards what was written. */
        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                if (out != null) {
                    try {
                        out.close();
                    } finally {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }
}
