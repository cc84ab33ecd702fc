package io.weir.connectors.testing;

import io.weir.checkpoint.config.Configuration;
import io.weir.runtime.connector.ScanSource;
import io.weir.runtime.connector.SinkContext;
import io.weir.runtime.connector.SourceContext;
import io.weir.runtime.connector.SourceSplit;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.RowType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small fakes of the runtime's contexts, and a way to drive a source's readers directly. */
public final class TestContexts {
    private TestContexts() {
    }

    public static TableContext table(String name, RowType type, Map<String, String> options) {
        return table(name, type, options, List.of());
    }

    public static TableContext table(String name, RowType type, Map<String, String> options, List<String> partitionKeys) {
        return new TableContext(name, type, options, List.of(), partitionKeys, new Configuration());
    }

    /** A source context; counts skipped records. */
    public static final class Source implements SourceContext {
        private final int subtask;
        private final int parallelism;
        private final Configuration config;
        public long skipped;

        public Source(int subtask, int parallelism, Configuration config) {
            this.subtask = subtask;
            this.parallelism = parallelism;
            this.config = config;
        }

        public Source() {
            this(0, 1, new Configuration().setString("pipeline.max-parallelism", "4"));
        }

        @Override public int subtaskIndex() { return subtask; }
        @Override public int parallelism() { return parallelism; }
        @Override public Configuration configuration() { return config; }
        @Override public void incrementSkippedRecords() { skipped++; }
    }

    /** A sink context with a fixed job id and operator uid, at parallelism 2. */
    public static SinkContext sink(int subtask, long restoredCheckpointId) {
        return new SinkContext() {
            @Override public String jobId() { return "job1"; }
            @Override public String operatorUid() { return "sink"; }
            @Override public int subtaskIndex() { return subtask; }
            @Override public int parallelism() { return 2; }
            @Override public Configuration configuration() { return new Configuration(); }
            @Override public long restoredCheckpointId() { return restoredCheckpointId; }
        };
    }

    /** Reads up to {@code max} rows from one reader (returns early when it finishes or has nothing now). */
    public static <S extends SourceSplit> List<Row> poll(SplitReader<S> reader, int max) throws IOException {
        List<Row> out = new ArrayList<>();
        int idle = 0;
        while (out.size() < max && !reader.isFinished() && idle < 3) {
            Row r = reader.poll();
            if (r == null) {
                idle++;
            } else {
                idle = 0;
                out.add(r);
            }
        }
        return out;
    }

    /** Reads every split of a bounded source to the end, split by split. */
    public static <S extends SourceSplit> List<Row> readAll(ScanSource<S> source, SourceContext ctx) throws IOException {
        List<Row> out = new ArrayList<>();
        for (S split : source.discoverSplits(ctx)) {
            try (SplitReader<S> r = source.createReader(split, ctx)) {
                while (!r.isFinished()) {
                    Row row = r.poll();
                    if (row != null) {
                        out.add(row);
                    }
                }
            }
        }
        return out;
    }
}
