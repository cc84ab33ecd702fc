package io.weir.connectors.filesystem;

import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.config.Configuration;
import io.weir.connectors.format.FileFormat;
import io.weir.connectors.format.FormatFactory;
import io.weir.connectors.format.FileRecordReader;
import io.weir.runtime.connector.ChangelogMode;
import io.weir.runtime.connector.LookupFunction;
import io.weir.runtime.connector.ScanSource;
import io.weir.runtime.connector.SourceContext;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.connector.SupportsLookup;
import io.weir.runtime.connector.SupportsProjectionPushDown;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.RowType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a file, or every visible file below a directory (names starting with {@code .} or
 * {@code _} are hidden: in-progress sink files, markers). One split per file, position = record
 * position in the file. Bounded unless {@code source.monitor-interval} is set; then the directory
 * is listed again at that interval and new files become new splits (files are expected to be
 * complete when they appear, as the filesystem sink guarantees). As the right side of a lookup join
 * it loads the whole table into memory ({@link FileSystemLookupFunction}).
 */
public final class FileSystemSource implements ScanSource<FileSplit>, SupportsProjectionPushDown<FileSplit>,
    SupportsLookup {
    private final Path root;
    private final RowType physicalType;
    private final FormatFactory formatFactory;
    private final Configuration formatOptions;
    private final Partitions partitions;
    private final Duration monitorInterval;
    private final Duration lookupCacheTtl;
    private final ReadPlan plan;
    private final FileFormat format;
    /** Files modified before this are the backlog of a monitored directory. */
    private final long createdMillis = System.currentTimeMillis();

    FileSystemSource(Path root, RowType physicalType, FormatFactory formatFactory, Configuration formatOptions,
                     Partitions partitions, Duration monitorInterval, Duration lookupCacheTtl, int[] projection) {
        this.root = root;
        this.physicalType = physicalType;
        this.formatFactory = formatFactory;
        this.formatOptions = formatOptions;
        this.partitions = partitions;
        this.monitorInterval = monitorInterval;
        this.lookupCacheTtl = lookupCacheTtl;
        this.plan = new ReadPlan(physicalType, partitions.keys(), projection, formatFactory.readsFieldsByName());
        this.format = formatFactory.createFileFormat(plan.decodeType(), formatOptions);
    }

    @Override
    public RowType producedType() {
        return plan.producedType();
    }

    @Override
    public ScanSource<FileSplit> applyProjection(int[] fields) {
        return new FileSystemSource(root, physicalType, formatFactory, formatOptions, partitions, monitorInterval,
            lookupCacheTtl, fields);
    }

    /** The whole table in memory, reloaded after {@code lookup.join.cache.ttl} ({@link FileSystemLookupFunction}). */
    @Override
    public LookupFunction createLookupFunction(int[] keyFields) {
        return new FileSystemLookupFunction(this, keyFields, lookupCacheTtl.toMillis(), System::currentTimeMillis);
    }

    @Override
    public ChangelogMode changelogMode() {
        return formatFactory.producesChangelog() ? ChangelogMode.all() : ChangelogMode.insertOnly();
    }

    @Override
    public boolean isBounded() {
        return monitorInterval == null;
    }

    @Override
    public Optional<Duration> discoveryInterval() {
        return Optional.ofNullable(monitorInterval);
    }

    @Override
    public List<FileSplit> discoverSplits(SourceContext context) throws IOException {
        if (!Files.exists(root)) {
            if (monitorInterval != null) {
                return List.of();
            }
            throw new IOException("path '" + root + "' of the filesystem source does not exist");
        }
        if (Files.isRegularFile(root)) {
            return List.of(FileSplit.atStart(root.toString()));
        }
        List<FileSplit> splits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).filter(this::isVisible).sorted()
                .forEach(p -> splits.add(FileSplit.atStart(p.toString())));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return splits;
    }

    private boolean isVisible(Path file) {
        for (Path part : root.relativize(file)) {
            String name = part.toString();
            if (name.startsWith(".") || name.startsWith("_")) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int ownerOf(FileSplit split, int parallelism) {
        return Math.floorMod(split.path().hashCode(), parallelism);
    }

    @Override
    public SplitReader<FileSplit> createReader(FileSplit split, SourceContext context) {
        return new Reader(split, context);
    }

    @Override
    public TypeSerializer<FileSplit> splitSerializer() {
        return FileSplitSerializer.INSTANCE;
    }

    private static final int MAX_ROWLESS_RECORDS_PER_POLL = 1000;

    /** Reads one file; opens it lazily on the first poll. */
    private final class Reader implements SplitReader<FileSplit> {
        private final FileSplit start;
        private final SourceContext context;
        private final ArrayDeque<Row> pending = new ArrayDeque<>();
        private FileRecordReader reader;
        private Object[] partitionValues;
        private FileSplit current;
        private int emittedOfRecord;
        private long skippedSeen;
        private boolean finished;
        private Boolean existedAtStart;

        Reader(FileSplit start, SourceContext context) {
            this.start = start;
            this.context = context;
            this.current = start;
        }

        @Override
        public Row poll() throws IOException {
            if (finished) {
                return null;
            }
            if (reader == null) {
                open();
            }
            for (int rowless = 0; pending.isEmpty(); rowless++) {
                if (rowless == MAX_ROWLESS_RECORDS_PER_POLL) {
                    return null; // many comments or skipped records: let the task handle its mailbox
                }
                FileSplit before = new FileSplit(start.path(), reader.position(), 0);
                if (!reader.readNext(pending::add)) {
                    finished = true;
                    current = before;
                    return null;
                }
                countSkipped();
                current = before;
                emittedOfRecord = 0;
            }
            emittedOfRecord++;
            return plan.assemble(pending.poll(), partitionValues);
        }

        private void open() throws IOException {
            Path file = Path.of(start.path());
            partitionValues = partitions.isPartitioned() ? partitions.valuesOf(root, file) : null;
            reader = format.openReader(file, start.position());
            if (start.rowsToSkip() > 0) {
                reader.readNext(pending::add);
                for (int i = 0; i < start.rowsToSkip(); i++) {
                    pending.poll();
                }
                emittedOfRecord = start.rowsToSkip();
            }
        }

        private void countSkipped() {
            long skipped = reader.skippedRecords();
            for (; skippedSeen < skipped; skippedSeen++) {
                context.incrementSkippedRecords();
            }
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        /** Bounded: the whole input is backlog; monitored: files that existed when the source was created. */
        @Override
        public boolean isProcessingBacklog() {
            if (finished) {
                return false;
            }
            if (monitorInterval == null) {
                return true;
            }
            if (existedAtStart == null) {
                try {
                    existedAtStart = java.nio.file.Files.getLastModifiedTime(Path.of(start.path())).toMillis() < createdMillis;
                } catch (IOException e) {
                    existedAtStart = false;
                }
            }
            return existedAtStart;
        }

        @Override
        public FileSplit snapshot() {
            if (reader == null) {
                return start;
            }
            if (pending.isEmpty()) {
                return new FileSplit(start.path(), reader.position(), 0);
            }
            return new FileSplit(start.path(), current.position(), emittedOfRecord);
        }

        @Override
        public void close() throws IOException {
            if (reader != null) {
                reader.close();
            }
        }
    }
}
