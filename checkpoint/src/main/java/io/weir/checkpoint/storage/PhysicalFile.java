package io.weir.checkpoint.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One physical file of file merging: segments are appended by one writer at a time, each live
 * segment holds a reference, and the file is deleted once it is closed for writing and no segment
 * is referenced. Files of this process are found by path ({@link #releaseSegment}), so segment
 * handles need no pointer to their manager (they are also read back from {@code _metadata}).
 * Synchronized per file.
 */
final class PhysicalFile {
    private static final Map<Path, PhysicalFile> OPEN = new ConcurrentHashMap<>();

    private final Path path;
    private FileChannel channel;
    private long size;
    private int liveSegments;
    private long liveBytes;
    private boolean writable = true;
    private boolean deleted;

    private PhysicalFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    static PhysicalFile create(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        PhysicalFile f = new PhysicalFile(path, FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        OPEN.put(path.toAbsolutePath(), f);
        return f;
    }

    Path path() {
        return path;
    }

    synchronized long size() {
        return size;
    }

    synchronized boolean isWritable() {
        return writable;
    }

    /** Appends bytes (a writer owns the file meanwhile); returns the position after them. */
    synchronized long append(byte[] b, int off, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        while (buf.hasRemaining()) {
            channel.write(buf, size + (len - buf.remaining()));
        }
        size += len;
        return size;
    }

    /** Makes the appended bytes durable and counts a segment of {@code length} bytes as live. */
    synchronized void commitSegment(long length) throws IOException {
        channel.force(true);
        liveSegments++;
        liveBytes += length;
    }

    /** Physical size over live bytes (infinite when nothing is live). */
    synchronized double spaceAmplification() {
        return liveBytes == 0 ? Double.POSITIVE_INFINITY : (double) size / liveBytes;
    }

    /** No more writes; deleted now if no segment is live. */
    synchronized void closeForWriting() throws IOException {
        if (writable) {
            writable = false;
            channel.close();
            channel = null;
        }
        deleteIfUnused();
    }

    private synchronized void release(long length) throws IOException {
        liveSegments--;
        liveBytes -= length;
        deleteIfUnused();
    }

    private void deleteIfUnused() throws IOException {
        if (!writable && liveSegments <= 0 && !deleted) {
            deleted = true;
            OPEN.remove(path.toAbsolutePath());
            Files.deleteIfExists(path);
        }
    }

    /** Deletes the file whatever its segments (the job ended and retains no checkpoint). */
    synchronized void delete() throws IOException {
        if (writable) {
            writable = false;
            channel.close();
            channel = null;
        }
        liveSegments = 0;
        deleteIfUnused();
    }

    /** A segment of the file at {@code path} is no longer referenced (no-op for files of other processes). */
    static void releaseSegment(Path path, long length) throws IOException {
        PhysicalFile f = OPEN.get(path.toAbsolutePath());
        if (f != null) {
            f.release(length);
        }
    }

    /** The live physical file at {@code path} in this process, or null. */
    static PhysicalFile lookup(Path path) {
        return OPEN.get(path.toAbsolutePath());
    }
}
