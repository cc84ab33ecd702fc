package io.weir.checkpoint.storage;

import io.weir.checkpoint.state.snapshot.StreamStateHandle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A state stream stored as a segment ({@code offset}, {@code length}) of a physical file shared with
 * other segments ({@code execution.checkpointing.file-merging.enabled}). Discarding releases the
 * segment; the physical file is deleted once no segment of it is referenced and no writer uses it
 * ({@link PhysicalFile}). A segment read back from {@code _metadata} of another process is not
 * tracked here: discarding it leaves the file alone (the restored checkpoint stays the user's).
 */
public final class SegmentFileStateHandle implements StreamStateHandle {
    private static final long serialVersionUID = 1L;

    private final String filePath;
    private final long offset;
    private final long length;

    public SegmentFileStateHandle(Path filePath, long offset, long length) {
        this.filePath = Objects.requireNonNull(filePath, "filePath").toString();
        this.offset = offset;
        this.length = length;
    }

    public Path getFilePath() {
        return Paths.get(filePath);
    }

    public long getOffset() {
        return offset;
    }

    @Override
    public InputStream openInputStream() throws IOException {
        FileChannel channel = FileChannel.open(getFilePath(), StandardOpenOption.READ);
        channel.position(offset);
        InputStream in = Channels.newInputStream(channel);
        return new InputStream() {
            private long remaining = length;

            @Override
            public int read() throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int b = in.read();
                if (b >= 0) {
                    remaining--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, remaining));
                if (n > 0) {
                    remaining -= n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    @Override
    public long getStateSize() {
        return length;
    }

    @Override
    public void discardState() throws IOException {
        PhysicalFile.releaseSegment(getFilePath(), length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentFileStateHandle s && s.filePath.equals(filePath) && s.offset == offset && s.length == length;
    }

    @Override
    public int hashCode() {
        return Objects.hash(filePath, offset, length);
    }

    @Override
    public String toString() {
        return "SegmentFileStateHandle{" + filePath + " @" + offset + "+" + length + "}";
    }
}
