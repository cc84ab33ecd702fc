package io.weir.connectors.filesystem;

import io.weir.runtime.connector.LookupFunction;
import io.weir.runtime.connector.ScanSource;
import io.weir.runtime.connector.SourceContext;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The lookup side of the filesystem source (Flink's {@code FileSystemLookupFunction}): the whole
 * table, read through the source's own readers (so every format and partition directories work), in
 * a hash multimap from the key fields to the rows, loaded on the first lookup and loaded again on
 * the first lookup after {@code lookup.join.cache.ttl} has passed since the last load. Rows whose key
 * holds a NULL are not indexed: a NULL key never matches.
 *
 * <p>Maintenance notes: every subtask keeps its own copy, as in Flink; the table is meant to be small.
 * A reload replaces the map only once the new one is complete, so a failed reload (thrown to the
 * task, which fails over) never leaves a half-loaded table behind.
 */
final class FileSystemLookupFunction implements LookupFunction {
    private final ScanSource<FileSplit> source;
    private final int[] keyFields;
    private final long ttlMillis;
    private final LongSupplier clock;
    private SourceContext context;
    private Map<Row, List<Row>> table;
    private long nextLoadTime;

    FileSystemLookupFunction(ScanSource<FileSplit> source, int[] keyFields, long ttlMillis, LongSupplier clock) {
        this.source = source;
        this.keyFields = keyFields.clone();
        this.ttlMillis = ttlMillis;
        this.clock = clock;
    }

    @Override
    public void open(SourceContext context) {
        this.context = context;
    }

    @Override
    public List<Row> lookup(Row key) throws IOException {
        long now = clock.getAsLong();
        if (table == null || now >= nextLoadTime) {
            table = load();
            nextLoadTime = ttlMillis <= 0 ? Long.MAX_VALUE : now + ttlMillis;
        }
        List<Row> rows = table.get(key.getKind() == RowKind.INSERT ? key : key.withKind(RowKind.INSERT));
        return rows == null ? List.of() : rows;
    }

    private Map<Row, List<Row>> load() throws IOException {
        Map<Row, List<Row>> loaded = new HashMap<>();
        for (FileSplit split : source.discoverSplits(context)) {
            try (SplitReader<FileSplit> reader = source.createReader(split, context)) {
                while (!reader.isFinished()) {
                    Row row = reader.poll();
                    if (row != null) {
                        index(loaded, row);
                    }
                }
            }
        }
        return loaded;
    }

    private void index(Map<Row, List<Row>> loaded, Row row) {
        Object[] key = new Object[keyFields.length];
        for (int i = 0; i < key.length; i++) {
            key[i] = row.getField(keyFields[i]);
            if (key[i] == null) {
                return;
            }
        }
        Row stored = row.getKind() == RowKind.INSERT ? row : row.withKind(RowKind.INSERT);
        loaded.computeIfAbsent(new Row(RowKind.INSERT, key), k -> new ArrayList<>(1)).add(stored);
    }

    @Override
    public void close() {
        table = null;
    }
}
