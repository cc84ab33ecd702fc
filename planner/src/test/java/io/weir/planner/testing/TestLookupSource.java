package io.weir.planner.testing;

import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.runtime.connector.ChangelogMode;
import io.weir.runtime.connector.LookupFunction;
import io.weir.runtime.connector.ScanSource;
import io.weir.runtime.connector.SourceContext;
import io.weir.runtime.connector.SourceSplit;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.connector.SupportsLookup;
import io.weir.runtime.connector.SupportsProjectionPushDown;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.RowType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The test source with {@code 'lookup' = 'true'}: scans like the plain one and answers lookups by
 * scanning the registered rows (projected like the scan).
 */
final class TestLookupSource<S extends SourceSplit> implements ScanSource<S>, SupportsLookup,
    SupportsProjectionPushDown<S> {
    private final ScanSource<S> scan;
    private final Supplier<List<Row>> rows;
    private final int[] projection;

    TestLookupSource(ScanSource<S> scan, Supplier<List<Row>> rows, int[] projection) {
        this.scan = scan;
        this.rows = rows;
        this.projection = projection;
    }

    @Override
    public RowType producedType() {
        return projection == null ? scan.producedType() : scan.producedType().project(projection);
    }

    @Override
    public ChangelogMode changelogMode() {
        return scan.changelogMode();
    }

    @Override
    public boolean isBounded() {
        return scan.isBounded();
    }

    @Override
    public List<S> discoverSplits(SourceContext context) throws IOException {
        return scan.discoverSplits(context);
    }

    @Override
    public SplitReader<S> createReader(S split, SourceContext context) throws IOException {
        if (projection != null) {
            throw new UnsupportedOperationException("the projected test lookup source only answers lookups");
        }
        return scan.createReader(split, context);
    }

    @Override
    public TypeSerializer<S> splitSerializer() {
        return scan.splitSerializer();
    }

    @Override
    public ScanSource<S> applyProjection(int[] fields) {
        return new TestLookupSource<>(scan, rows, fields.clone());
    }

    @Override
    public LookupFunction createLookupFunction(int[] keyFields) {
        return new LookupFunction() {
            @Override
            public void open(SourceContext context) {
            }

            @Override
            public List<Row> lookup(Row key) {
                List<Row> out = new ArrayList<>();
                for (Row r : rows.get()) {
                    Row p = project(r);
                    boolean match = true;
                    for (int i = 0; i < keyFields.length && match; i++) {
                        match = java.util.Objects.equals(p.getField(keyFields[i]), key.getField(i));
                    }
                    if (match) {
                        out.add(p);
                    }
                }
                return out;
            }

            @Override
            public void close() {
            }
        };
    }

    private Row project(Row r) {
        if (projection == null) {
            return r;
        }
        Object[] values = new Object[projection.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = r.getField(projection[i]);
        }
        return Row.of(values);
    }
}
