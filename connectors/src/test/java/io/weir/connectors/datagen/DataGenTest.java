package io.weir.connectors.datagen;

import io.weir.connectors.generator.GeneratorSplit;
import io.weir.connectors.testing.TestContexts;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.ScanSource;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.connector.TableSourceFactory;
import io.weir.runtime.connector.ValidationException;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.weir.connectors.format.FormatTestSupport.map;
import static org.junit.jupiter.api.Assertions.*;

class DataGenTest {
    static final RowType T = RowType.of(new String[] {"id", "n", "s", "d", "amount"},
        new DataType[] {DataType.bigint(), DataType.integer(), DataType.string(), DataType.doubleType(), DataType.decimal(6, 2)});

    @SuppressWarnings("unchecked")
    private static ScanSource<GeneratorSplit> source(Map<String, String> options) {
        var ctx = TestContexts.table("gen", T, options);
        return (ScanSource<GeneratorSplit>) FactoryUtil.discoverTableFactory(TableSourceFactory.class, ctx).createSource(ctx);
    }

    private static Map<String, String> opts(String... extra) {
        Map<String, String> m = map("connector", "datagen", "rows-per-second", "0", "fields.id.kind", "sequence",
            "fields.id.start", "1", "fields.id.end", "100", "fields.n.min", "5", "fields.n.max", "9",
            "fields.s.length", "4", "fields.d.min", "1", "fields.d.max", "2", "fields.amount.null-rate", "0.5");
        m.putAll(map(extra));
        return m;
    }

    @Test
    void shouldGenerateBoundedSequenceAndRandomValuesWithinOptions() throws Exception {
        List<Row> rows = TestContexts.readAll(source(opts()), new TestContexts.Source());
        rows.sort(Comparator.comparing(r -> (Long) r.getField(0)));
        assertEquals(100, rows.size());
        int nulls = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            assertEquals(i + 1L, r.getField(0));
            int n = (Integer) r.getField(1);
            assertTrue(n >= 5 && n <= 9);
            assertEquals(4, ((String) r.getField(2)).length());
            double d = (Double) r.getField(3);
            assertTrue(d >= 1 && d < 2);
            nulls += r.getField(4) == null ? 1 : 0;
            assertTrue(r.getField(4) == null || ((BigDecimal) r.getField(4)).scale() == 2);
        }
        assertTrue(nulls > 20 && nulls < 80, "null rate about half: " + nulls);
    }

    @Test
    void whenSameSeed_thenSameRowsAtAnyParallelism() throws Exception {
        List<Row> a = sorted(TestContexts.readAll(source(opts("seed", "42")), new TestContexts.Source()));
        List<Row> b = new ArrayList<>();
        ScanSource<GeneratorSplit> src = source(opts("seed", "42"));
        for (int sub = 0; sub < 3; sub++) {
            TestContexts.Source ctx = new TestContexts.Source(sub, 3, new io.weir.checkpoint.config.Configuration()
                .setString("pipeline.max-parallelism", "7"));
            for (GeneratorSplit s : src.discoverSplits(ctx)) {
                if (src.ownerOf(s, 3) == sub) {
                    b.addAll(TestContexts.poll(src.createReader(s, ctx), 1000));
                }
            }
        }
        assertEquals(a, sorted(b));
        assertNotEquals(a, sorted(TestContexts.readAll(source(opts("seed", "43")), new TestContexts.Source())));
    }

    @Test
    void whenReaderRestoredFromSnapshot_thenContinuesIdentically() throws Exception {
        ScanSource<GeneratorSplit> src = source(opts("number-of-rows", "60"));
        TestContexts.Source ctx = new TestContexts.Source();
        GeneratorSplit split = src.discoverSplits(ctx).get(1);
        SplitReader<GeneratorSplit> straight = src.createReader(split, ctx);
        List<Row> all = TestContexts.poll(straight, 1000);
        SplitReader<GeneratorSplit> first = src.createReader(split, ctx);
        List<Row> head = TestContexts.poll(first, 5);
        GeneratorSplit position = src.splitSerializer().deserializeFromBytes(src.splitSerializer().serializeToBytes(first.snapshot()));
        List<Row> tail = TestContexts.poll(src.createReader(position, ctx), 1000);
        head.addAll(tail);
        assertEquals(15, all.size());
        assertEquals(all, head);
    }

    @Test
    void whenProjected_thenSameValuesOfTheChosenColumns() throws Exception {
        List<Row> full = sorted(TestContexts.readAll(source(opts()), new TestContexts.Source()));
        @SuppressWarnings("unchecked")
        ScanSource<GeneratorSplit> projected = ((io.weir.runtime.connector.SupportsProjectionPushDown<GeneratorSplit>) source(opts()))
            .applyProjection(new int[] {2, 0});
        assertEquals(List.of("s", "id"), projected.producedType().fieldNames());
        List<Row> rows = TestContexts.readAll(projected, new TestContexts.Source());
        rows.sort(Comparator.comparing(r -> (Long) r.getField(1)));
        for (int i = 0; i < full.size(); i++) {
            assertEquals(Row.of(full.get(i).getField(2), full.get(i).getField(0)), rows.get(i));
        }
    }

    @Test
    void whenRestoredLater_thenTimesRelativeToNowAreUnchanged() throws Exception {
        RowType t = RowType.of(new String[] {"ts"}, new DataType[] {DataType.timestamp(3)});
        var ctx = TestContexts.table("gen", t, map("connector", "datagen", "rows-per-second", "0", "number-of-rows", "40",
            "fields.ts.max-past", "1 h"));
        @SuppressWarnings("unchecked")
        ScanSource<GeneratorSplit> src = (ScanSource<GeneratorSplit>) FactoryUtil.discoverTableFactory(TableSourceFactory.class, ctx)
            .createSource(ctx);
        TestContexts.Source sctx = new TestContexts.Source();
        GeneratorSplit split = src.discoverSplits(sctx).get(0);
        List<Row> straight = TestContexts.poll(src.createReader(split, sctx), 100);
        SplitReader<GeneratorSplit> r = src.createReader(split, sctx);
        List<Row> got = TestContexts.poll(r, 3);
        GeneratorSplit pos = r.snapshot();
        Thread.sleep(5);
        got.addAll(TestContexts.poll(src.createReader(pos, sctx), 100));
        assertEquals(straight, got);
        long now = System.currentTimeMillis();
        for (Row row : got) {
            long ts = (Long) row.getField(0);
            assertTrue(ts <= now && ts >= now - 3_700_000L, "within max-past of the start");
        }
    }

    @Test
    void whenRateLimited_thenRowsArePaced() throws Exception {
        ScanSource<GeneratorSplit> src = source(opts("rows-per-second", "100", "number-of-rows", "1000"));
        TestContexts.Source ctx = new TestContexts.Source();
        SplitReader<GeneratorSplit> r = src.createReader(src.discoverSplits(ctx).get(0), ctx);
        assertEquals(1, TestContexts.poll(r, 1000).size(), "only the first row is due at once");
    }

    @Test
    void whenOptionsWrong_thenErrorsNameTableOptionAndChoices() {
        ValidationException unknown = assertThrows(ValidationException.class, () -> source(opts("rows-per-sec", "1")));
        assertTrue(unknown.getMessage().contains("'gen'") && unknown.getMessage().contains("'rows-per-sec'")
            && unknown.getMessage().contains("number-of-rows"), unknown.getMessage());
        ValidationException kind = assertThrows(ValidationException.class, () -> source(opts("fields.n.kind", "rand")));
        assertTrue(kind.getMessage().contains("fields.n.kind") && kind.getMessage().contains("random, sequence"), kind.getMessage());
        ValidationException column = assertThrows(ValidationException.class, () -> source(opts("fields.zz.kind", "random")));
        assertTrue(column.getMessage().contains("zz"), column.getMessage());
        ValidationException seq = assertThrows(ValidationException.class,
            () -> source(opts("fields.n.kind", "sequence", "fields.n.start", "1")));
        assertTrue(seq.getMessage().contains("fields.n.end"), seq.getMessage());
        ValidationException bad = assertThrows(ValidationException.class, () -> source(opts("number-of-rows", "many")));
        assertTrue(bad.getMessage().contains("number-of-rows"), bad.getMessage());
    }

    private static List<Row> sorted(List<Row> rows) {
        rows.sort(Comparator.comparing(r -> (Long) r.getField(0)));
        return rows;
    }
}
