package io.weir.planner.testing;

import io.weir.runtime.connector.ChangelogMode;
import io.weir.runtime.connector.SinkContext;
import io.weir.runtime.connector.SinkWriter;
import io.weir.runtime.connector.WriterSink;
import io.weir.runtime.data.Row;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A collect sink for tests: keeps every row written, with its kind, in arrival order. */
public final class CollectSink implements WriterSink {
    private final List<Row> rows = Collections.synchronizedList(new ArrayList<>());

    @Override
    public ChangelogMode acceptedChangelogMode() {
        return ChangelogMode.all();
    }

    @Override
    public SinkWriter createWriter(SinkContext context) {
        return new SinkWriter() {
            @Override
            public void write(Row row) {
                rows.add(row);
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public void close() {
            }
        };
    }

    /** The rows as {@code +I[a, 1]} strings. */
    public List<String> changelog() {
        List<String> out = new ArrayList<>();
        synchronized (rows) {
            for (Row r : rows) {
                out.add(r.getKind().shortString() + java.util.Arrays.toString(r.fields()));
            }
        }
        return out;
    }
}
