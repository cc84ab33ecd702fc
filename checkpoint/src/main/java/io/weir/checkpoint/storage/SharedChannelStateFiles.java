package io.weir.checkpoint.storage;

import io.weir.checkpoint.state.snapshot.CheckpointStateOutputStream;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import io.weir.checkpoint.state.snapshot.StreamStateHandle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code execution.checkpointing.unaligned.max-subtasks-per-channel-state-file}: the channel state
 * (in-flight data of an unaligned checkpoint) of up to that many subtasks of one operator goes into
 * one file of the checkpoint's directory, each subtask's state a segment of it
 * ({@link SegmentFileStateHandle}), instead of one file per subtask.
 *
 * <p>A subtask's channel state is buffered in memory (it is bounded by the channel capacity) and
 * appended to the group's file when its stream is closed; appends to one file are serialized and
 * fsynced. State up to the storage's inline threshold still goes inline into {@code _metadata}. The
 * files live in {@code chk-<n>/} and go with it when the checkpoint is discarded. Other storages
 * (in memory, file merging) are used unchanged.
 */
public final class SharedChannelStateFiles {
    private static final Object[] LOCKS = new Object[64];

    static {
        for (int i = 0; i < LOCKS.length; i++) {
            LOCKS[i] = new Object();
        }
    }

    private SharedChannelStateFiles() {
    }

    /**
     * The stream factory for the channel state of subtask {@code subtask} of operator
     * {@code vertexUid}: {@code base} itself unless it writes files and {@code maxSubtasksPerFile} > 1.
     */
    public static CheckpointStreamFactory forSubtask(CheckpointStreamFactory base, String vertexUid, int subtask,
                                                     int maxSubtasksPerFile) {
        CheckpointStreamFactory exclusive = base instanceof IncrementalCheckpointStreams inc ? inc.exclusive() : base;
        if (!(exclusive instanceof FileStateStreamFactory files) || maxSubtasksPerFile <= 1) {
            return base;
        }
        String name = "channel-state-" + Integer.toHexString(vertexUid.hashCode()) + "-" + (subtask / maxSubtasksPerFile);
        Path file = files.directory().resolve(name);
        return () -> new GroupedStream(files, file);
    }

    /** Appends {@code bytes} to {@code file} (creating it) and returns the segment's offset. */
    static long append(Path file, byte[] bytes) throws IOException {
        synchronized (LOCKS[Math.floorMod(file.hashCode(), LOCKS.length)]) {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
                long offset = channel.size();
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
                return offset;
            }
        }
    }

    private static final class GroupedStream extends CheckpointStateOutputStream {
        private final FileStateStreamFactory base;
        private final Path file;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean closed;

        GroupedStream(FileStateStreamFactory base, Path file) {
            this.base = base;
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            checkOpen();
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            checkOpen();
            bytes.write(b, off, len);
        }

        @Override
        public long getPos() {
            return bytes.size();
        }

        @Override
        public StreamStateHandle closeAndGetHandle() throws IOException {
            checkOpen();
            closed = true;
            if (bytes.size() <= base.inlineThreshold()) {
                try (CheckpointStateOutputStream inline = base.createCheckpointStateOutputStream()) {
                    bytes.writeTo(inline);
                    return inline.closeAndGetHandle();
                }
            }
            byte[] data = bytes.toByteArray();
            return new SegmentFileStateHandle(file, append(file, data), data.length);
        }

        @Override
        public void close() {
            closed = true;
        }

        private void checkOpen() throws IOException {
            if (closed) {
                throw new IOException("channel state stream already closed");
            }
        }
    }
}
