package io.weir.connectors.filesystem;

import io.weir.connectors.format.FileFormat;
import io.weir.connectors.format.FileRecordWriter;
import io.weir.runtime.connector.PrecommittingSinkWriter;
import io.weir.runtime.connector.SinkContext;
import io.weir.runtime.data.Row;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes one sink subtask's part files: one open file per partition directory, rolled by size and
 * age; all closed into committables at {@link #prepareCommit}. Task thread only.
 */
final class FileSinkWriter implements PrecommittingSinkWriter<FileCommittable, String> {
    static final String IN_PROGRESS = ".inprogress.";

    private final Path root;
    private final FileFormat format;
    private final Partitions partitions;
    private final SinkContext context;
    private final long rollingSize;
    private final long rolloverNanos;
    /** Distinguishes the files of this writer instance from those of earlier attempts. */
    private final String attempt = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
    private final Map<String, OpenFile> open = new HashMap<>();
    private final List<FileCommittable> closed = new ArrayList<>();
    /** The transaction new files belong to: one after the last pre-committed checkpoint. */
    private long transaction;
    private int counter;

    FileSinkWriter(Path root, FileFormat format, Partitions partitions, SinkContext context, long rollingSize,
                   Duration rolloverInterval) {
        this.root = root;
        this.format = format;
        this.partitions = partitions;
        this.context = context;
        this.rollingSize = rollingSize;
        this.rolloverNanos = rolloverInterval.toNanos();
        this.transaction = Math.max(context.restoredCheckpointId(), 0) + 1;
    }

    private static final class OpenFile {
        final Path pending;
        final Path target;
        final FileOutputStream stream;
        final FileRecordWriter writer;
        final long openedNanos = System.nanoTime();

        OpenFile(Path pending, Path target, FileOutputStream stream, FileRecordWriter writer) {
            this.pending = pending;
            this.target = target;
            this.stream = stream;
            this.writer = writer;
        }
    }

    @Override
    public void write(Row row) throws IOException {
        String dir = partitions.directoryOf(row);
        OpenFile file = open.get(dir);
        if (file == null) {
            file = openFile(dir);
            open.put(dir, file);
        }
        file.writer.write(partitions.dataRow(row));
        if (file.writer.bytesWritten() >= rollingSize || System.nanoTime() - file.openedNanos >= rolloverNanos) {
            open.remove(dir);
            closed.add(close(file));
        }
    }

    private OpenFile openFile(String dir) throws IOException {
        Path directory = dir.isEmpty() ? root : root.resolve(dir);
        Files.createDirectories(directory);
        String name = "part-" + attempt + "-" + context.subtaskIndex() + "-" + counter++ + format.fileExtension();
        Path pending = directory.resolve("." + name + IN_PROGRESS + context.transactionId(transaction));
        FileOutputStream stream = new FileOutputStream(pending.toFile());
        return new OpenFile(pending, directory.resolve(name), stream, format.openWriter(new NonClosing(stream)));
    }

    /** Finishes the file, forces it to disk, and makes it a committable. */
    private static FileCommittable close(OpenFile file) throws IOException {
        try (FileOutputStream s = file.stream) {
            file.writer.close();
            s.getChannel().force(true);
        }
        return new FileCommittable(file.pending.toString(), file.target.toString());
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
        for (OpenFile f : open.values()) {
            f.writer.flush();
        }
    }

    @Override
    public List<FileCommittable> prepareCommit(long checkpointId) throws IOException {
        for (Iterator<OpenFile> it = open.values().iterator(); it.hasNext(); ) {
            closed.add(close(it.next()));
            it.remove();
        }
        List<FileCommittable> out = List.copyOf(closed);
        closed.clear();
        transaction = checkpointId == Long.MAX_VALUE ? checkpointId : checkpointId + 1;
        return out;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (OpenFile f : open.values()) {
            try (FileOutputStream s = f.stream) {
                f.writer.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }

    /** Lets format writers close their own streams without closing the file we still fsync. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
