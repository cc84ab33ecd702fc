package io.weir.checkpoint.storage;

import static io.weir.checkpoint.CheckpointingOptions.FILE_MERGING_ACROSS_BOUNDARY;
import static io.weir.checkpoint.CheckpointingOptions.FILE_MERGING_MAX_FILE_SIZE;
import static io.weir.checkpoint.CheckpointingOptions.FILE_MERGING_MAX_SPACE_AMPLIFICATION;
import static io.weir.checkpoint.CheckpointingOptions.FILE_MERGING_POOL_BLOCKING;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.state.snapshot.ByteStreamStateHandle;
import io.weir.checkpoint.state.snapshot.CheckpointStateOutputStream;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import io.weir.checkpoint.state.snapshot.StreamStateHandle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * File merging of one job ({@code execution.checkpointing.file-merging.*}, Flink's semantics):
 * state streams above {@code data-inline-threshold} are written as segments of shared physical
 * files instead of one file each. Exclusive state goes to files in {@code taskowned/}, files shared
 * by incremental checkpoints to files in {@code shared/}.
 * <ul>
 *   <li>{@code across-checkpoint-boundary: false} (default): a physical file holds segments of one
 *       checkpoint only; it is closed when that checkpoint completes or is aborted.</li>
 *   <li>{@code true}: a physical file keeps receiving segments of later checkpoints until it reaches
 *       {@code max-file-size}, or its space amplification (file size / live segment bytes) exceeds
 *       {@code max-space-amplification}; then it takes no more segments.</li>
 *   <li>{@code max-file-size}: a file that reached it takes no more segments.</li>
 *   <li>{@code pool-blocking: true}: one physical file per pool at a time; a writer waits for the
 *       current one to be returned (fewer files); {@code false}: a writer that finds no free file
 *       creates one (no waiting).</li>
 * </ul>
 * A physical file is deleted once it takes no more segments and none of its segments is
 * referenced by a retained checkpoint (or an in-flight one). Pools are per job (all subtasks of a
 * scope share them; Flink keys shared-scope pools per subtask).
 *
 * <p>Threads: streams are written on asynchronous snapshot threads; {@link #checkpointEnded} and
 * {@link #close} come from the coordinator thread. The pools are synchronized on this object.
 *
 * <p>Maintenance note: segments of an over-amplified file that later checkpoints still reference
 * are not rewritten (Flink re-uploads such shared files); the file lives until they are released.
 */
public final class FileMergingManager {
    private final Path exclusiveDirectory;
    private final Path sharedDirectory;
    private final int inlineThreshold;
    private final boolean acrossBoundary;
    private final long maxFileSize;
    private final double maxSpaceAmplification;
    private final boolean blocking;
    /** Pools by scope and checkpoint (checkpoint -1 across boundaries): free files and files in use. */
    private final Map<String, Pool> pools = new HashMap<>();
    private int filesCreated;
    private final List<PhysicalFile> created = new ArrayList<>();
    private long segmentsWritten;
    private boolean closed;

    private static final class Pool {
        final ArrayDeque<PhysicalFile> free = new ArrayDeque<>();
        int inUse;
        /** Its checkpoint ended: files given back are closed. */
        boolean closing;
    }

    public FileMergingManager(Path exclusiveDirectory, Path sharedDirectory, int inlineThreshold, Configuration c) {
        this.exclusiveDirectory = exclusiveDirectory;
        this.sharedDirectory = sharedDirectory;
        this.inlineThreshold = inlineThreshold;
        this.acrossBoundary = c.get(FILE_MERGING_ACROSS_BOUNDARY);
        this.maxFileSize = c.get(FILE_MERGING_MAX_FILE_SIZE);
        this.maxSpaceAmplification = c.get(FILE_MERGING_MAX_SPACE_AMPLIFICATION);
        this.blocking = c.get(FILE_MERGING_POOL_BLOCKING);
        if (maxSpaceAmplification < 1) {
            throw new IllegalArgumentException("Invalid value '" + maxSpaceAmplification + "' for option '"
                + FILE_MERGING_MAX_SPACE_AMPLIFICATION.key() + "': must be at least 1");
        }
    }

    /** Streams for checkpoint {@code checkpointId}'s exclusive state (small ones stay inline). */
    public CheckpointStreamFactory exclusiveStreams(long checkpointId) {
        return () -> new MergingStream(poolKey("exclusive", checkpointId), exclusiveDirectory, inlineThreshold);
    }

    /** Streams for checkpoint {@code checkpointId}'s files that later checkpoints may share (never inline). */
    public CheckpointStreamFactory sharedStreams(long checkpointId) {
        return () -> new MergingStream(poolKey("shared", checkpointId), sharedDirectory, 0);
    }

    private String poolKey(String scope, long checkpointId) {
        return scope + "/" + (acrossBoundary ? -1 : checkpointId);
    }

    /** Physical files created so far (for statistics and tests). */
    public synchronized int physicalFilesCreated() {
        return filesCreated;
    }

    /** Segments written so far (each would have been a file of its own without merging). */
    public synchronized long segmentsWritten() {
        return segmentsWritten;
    }

    private synchronized void countSegment() {
        segmentsWritten++;
    }

    /** Checkpoint {@code checkpointId} completed or was aborted: within boundaries, its files take no more segments. */
    public void checkpointEnded(long checkpointId) throws IOException {
        if (!acrossBoundary) {
            closePools(k -> k.endsWith("/" + checkpointId));
        }
    }

    /**
     * The job ended: every file takes no more segments and goes once its segments are released.
     * With {@code checkpointsDiscarded} (no checkpoint of the job is retained), every physical file
     * this manager created is deleted now, also one whose segments a lost acknowledgement never
     * released.
     */
    public void close(boolean checkpointsDiscarded) throws IOException {
        List<PhysicalFile> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(created);
        }
        closePools(k -> true);
        if (checkpointsDiscarded) {
            for (PhysicalFile f : all) {
                f.delete();
            }
        }
    }

    private void closePools(java.util.function.Predicate<String> which) throws IOException {
        List<PhysicalFile> toClose = new ArrayList<>();
        synchronized (this) {
            pools.entrySet().removeIf(e -> {
                if (!which.test(e.getKey())) {
                    return false;
                }
                toClose.addAll(e.getValue().free);
                e.getValue().free.clear();
                e.getValue().closing = true;
                return e.getValue().inUse == 0;
            });
        }
        for (PhysicalFile f : toClose) {
            f.closeForWriting();
        }
    }

    private PhysicalFile acquire(String key, Path directory) throws IOException {
        List<PhysicalFile> retire = new ArrayList<>();
        PhysicalFile file;
        synchronized (this) {
            Pool pool = pools.computeIfAbsent(key, k -> new Pool());
            while (true) {
                file = pool.free.poll();
                if (file != null && (file.size() >= maxFileSize || file.size() > 0 && file.spaceAmplification() > maxSpaceAmplification)) {
                    retire.add(file);
                    continue;
                }
                if (file != null || !blocking || pool.inUse == 0) {
                    break;
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for a merged checkpoint file");
                }
            }
            pool.inUse++;
            if (file == null) {
                filesCreated++;
            }
        }
        for (PhysicalFile f : retire) {
            f.closeForWriting();
        }
        if (file == null) {
            file = PhysicalFile.create(directory.resolve("merged-" + UUID.randomUUID()));
            synchronized (this) {
                created.add(file);
            }
        }
        return file;
    }

    private void giveBack(String key, PhysicalFile file) throws IOException {
        boolean retire;
        synchronized (this) {
            Pool pool = pools.get(key);
            retire = closed || pool == null || pool.closing || file.size() >= maxFileSize;
            if (pool != null) {
                pool.inUse--;
                if (!retire) {
                    pool.free.add(file);
                } else if (pool.closing && pool.inUse == 0) {
                    pools.remove(key);
                }
            }
            notifyAll();
        }
        if (retire) {
            file.closeForWriting();
        }
    }

    /** Buffers up to the inline threshold, then appends to a physical file it holds until closed. */
    private final class MergingStream extends CheckpointStateOutputStream {
        private final String key;
        private final Path directory;
        private final int threshold;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private PhysicalFile file;
        private long start;
        private long pos;
        private boolean done;

        MergingStream(String key, Path directory, int threshold) {
            this.key = key;
            this.directory = directory;
            this.threshold = threshold;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (done) {
                throw new IOException("checkpoint stream already closed");
            }
            buffer.write(b, off, len);
            pos += len;
            if (buffer.size() > Math.max(threshold, 64 * 1024)) {
                spill();
            }
        }

        private void spill() throws IOException {
            if (file == null) {
                file = acquire(key, directory);
                start = file.size();
            }
            byte[] bytes = buffer.toByteArray();
            buffer.reset();
            file.append(bytes, 0, bytes.length);
        }

        @Override
        public long getPos() {
            return pos;
        }

        @Override
        public StreamStateHandle closeAndGetHandle() throws IOException {
            if (done) {
                throw new IOException("checkpoint stream already closed");
            }
            done = true;
            if (file == null && pos <= threshold) {
                return pos == 0 ? null : new ByteStreamStateHandle(UUID.randomUUID().toString(), buffer.toByteArray());
            }
            try {
                spill();
                file.commitSegment(pos);
                countSegment();
                return new SegmentFileStateHandle(file.path(), start, pos);
            } finally {
                giveBack(key, file);
            }
        }

        /** Without {@link #closeAndGetHandle()}: the bytes written stay as dead space in the file. */
        @Override
        public void close() throws IOException {
            if (!done) {
                done = true;
                if (file != null) {
                    giveBack(key, file);
                }
            }
        }
    }
}
