package io.weir.connectors.contract;

import io.weir.connectors.testing.TestContexts;
import io.weir.runtime.connector.ScanSource;
import io.weir.runtime.connector.SourceSplit;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.data.Row;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What every bounded source must do, whatever it reads: the same splits on every call, and a
 * position taken after any row (serialized as the runtime stores it) from which a new reader
 * continues with exactly the rows that follow. Extended once per connector and format.
 */
abstract class ScanSourceContractTest<S extends SourceSplit> {

    /** A bounded source with a few dozen rows in at least one split. */
    abstract ScanSource<S> createSource() throws Exception;

    private final TestContexts.Source context = new TestContexts.Source();

    @Test
    void shouldDiscoverTheSameSplitsEveryTime() throws Exception {
        ScanSource<S> source = createSource();
        List<String> first = ids(source.discoverSplits(context));
        assertFalse(first.isEmpty());
        assertEquals(first, ids(source.discoverSplits(context)));
        assertEquals(first, ids(createSource().discoverSplits(context)));
    }

    @Test
    void whenRestoredAfterAnyRow_thenTheContinuationIsIdentical() throws Exception {
        ScanSource<S> source = createSource();
        for (S split : source.discoverSplits(context)) {
            List<Row> all = readToEnd(source, split);
            for (int cut = 0; cut <= all.size(); cut++) {
                List<Row> got = new ArrayList<>();
                S position;
                try (SplitReader<S> r = source.createReader(split, context)) {
                    while (got.size() < cut) {
                        Row row = r.poll();
                        if (row != null) {
                            got.add(row);
                        }
                    }
                    position = source.splitSerializer().deserializeFromBytes(source.splitSerializer().serializeToBytes(r.snapshot()));
                }
                assertEquals(split.splitId(), position.splitId());
                got.addAll(readToEnd(source, position));
                assertEquals(all, got, "split " + split.splitId() + " cut after " + cut + " rows");
            }
        }
    }

    @Test
    void shouldProduceRowsOfTheProducedType() throws Exception {
        ScanSource<S> source = createSource();
        int arity = source.producedType().arity();
        for (S split : source.discoverSplits(context)) {
            for (Row r : readToEnd(source, split)) {
                assertEquals(arity, r.arity());
                for (int i = 0; i < arity; i++) {
                    Object v = r.getField(i);
                    String name = source.producedType().fieldName(i);
                    assertTrue(v == null || source.producedType().fieldType(i).root().internalClass().isInstance(v),
                        () -> "field " + name + " holds " + v.getClass());
                }
            }
        }
    }

    private List<Row> readToEnd(ScanSource<S> source, S split) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (SplitReader<S> r = source.createReader(split, context)) {
            while (!r.isFinished()) {
                Row row = r.poll();
                if (row != null) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static List<String> ids(List<? extends SourceSplit> splits) {
        List<String> ids = new ArrayList<>();
        splits.forEach(s -> ids.add(s.splitId()));
        return ids;
    }
}
