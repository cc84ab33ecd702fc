package io.weir.connectors.nexmark;

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
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.weir.connectors.format.FormatTestSupport.map;
import static org.junit.jupiter.api.Assertions.*;

class NexmarkTest {
    static final RowType PERSON = NexmarkFiles.flatType(NexmarkModel.PERSON_FIELDS);
    static final RowType AUCTION = NexmarkFiles.flatType(NexmarkModel.AUCTION_FIELDS);
    static final RowType BID = NexmarkFiles.flatType(NexmarkModel.BID_FIELDS);
    static final RowType COMBINED = RowType.of(new String[] {"event_type", "person", "auction", "bid"},
        new DataType[] {DataType.integer(), DataType.row(PERSON), DataType.row(AUCTION), DataType.row(BID)});

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static ScanSource<GeneratorSplit> source(RowType type, String... options) {
        Map<String, String> m = map("connector", "nexmark", "rate.limited", "false", "events.num", "1000");
        m.putAll(map(options));
        var ctx = TestContexts.table("nx", type, m);
        return (ScanSource<GeneratorSplit>) FactoryUtil.discoverTableFactory(TableSourceFactory.class, ctx).createSource(ctx);
    }

    @Test
    void shouldGenerateTheStandardMixWithConsistentIdsAndTimes() throws Exception {
        List<Row> events = TestContexts.readAll(source(COMBINED), new TestContexts.Source());
        assertEquals(1000, events.size());
        int[] counts = new int[3];
        for (Row e : events) {
            int type = (Integer) e.getField(0);
            counts[type]++;
            for (int col = 1; col <= 3; col++) {
                assertEquals(col == type + 1, e.getField(col) != null);
            }
        }
        assertArrayEquals(new int[] {20, 60, 920}, counts, "proportions 2:6:92");
        NexmarkModel model = new NexmarkModel(NexmarkConfig.defaults());
        Object[] bid = model.event(2 * 50 + 10);
        assertTrue((Long) bid[0] >= 1000 && (Long) bid[1] >= 1000 && (Long) bid[2] > 0);
        assertEquals(NexmarkConfig.DEFAULT_BASE_TIME + 11, bid[5], "10000 events/s: event 110 at +11 ms");
        Object[] auction = model.event(51);
        assertEquals(1003L, auction[0], "auction ids count auctions: event 51 is the 4th auction");
        assertTrue((Long) auction[6] > (Long) auction[5], "expires after it starts");
        assertTrue((Long) auction[4] >= (Long) auction[3], "reserve >= initial bid");
    }

    @Test
    void whenPerTypeTable_thenSameContentAsInTheCombinedStream() throws Exception {
        List<Row> bids = TestContexts.readAll(source(BID, "event.type", "bid"), new TestContexts.Source());
        List<Row> combined = TestContexts.readAll(source(COMBINED), new TestContexts.Source());
        List<Row> fromCombined = new ArrayList<>();
        for (Row e : combined) {
            if ((Integer) e.getField(0) == 2) {
                fromCombined.add((Row) e.getField(3));
            }
        }
        assertEquals(920, bids.size());
        assertEquals(sorted(fromCombined), sorted(bids));
        List<Row> persons = TestContexts.readAll(source(PERSON, "event.type", "person", "base-time", "2020-01-01 00:00:00"),
            new TestContexts.Source());
        assertEquals(20, persons.size());
        assertEquals(1_577_836_800_000L, persons.stream().mapToLong(r -> (Long) r.getField(6)).min().getAsLong());
    }

    @Test
    void whenRestoredFromSnapshot_thenContinuesIdentically() throws Exception {
        ScanSource<GeneratorSplit> src = source(COMBINED);
        TestContexts.Source ctx = new TestContexts.Source();
        GeneratorSplit split = src.discoverSplits(ctx).get(2);
        List<Row> all = TestContexts.poll(src.createReader(split, ctx), 10_000);
        SplitReader<GeneratorSplit> r = src.createReader(split, ctx);
        List<Row> got = TestContexts.poll(r, 77);
        GeneratorSplit pos = src.splitSerializer().deserializeFromBytes(src.splitSerializer().serializeToBytes(r.snapshot()));
        got.addAll(TestContexts.poll(src.createReader(pos, ctx), 10_000));
        assertEquals(all, got);
    }

    @Test
    void shouldWriteNdjsonFiles() throws Exception {
        long[] counts = NexmarkFiles.write(dir, 100, NexmarkConfig.defaults());
        assertArrayEquals(new long[] {2, 6, 92}, counts);
        List<String> bids = Files.readAllLines(dir.resolve("bid.json"));
        assertEquals(92, bids.size());
        assertTrue(bids.get(0).matches("\\{\"auction\":\\d+,\"bidder\":\\d+,\"price\":\\d+,\"channel\":\".+\",\"url\":\".+\","
            + "\"dateTime\":\"2015-07-15 00:00:00\\.\\d{3}\",\"extra\":\"[a-z]*\"}"), bids.get(0));
    }

    @Test
    void whenColumnsOrOptionsWrong_thenValidationErrors() {
        RowType wrong = RowType.of(new String[] {"event_type", "foo"}, new DataType[] {DataType.integer(), DataType.integer()});
        assertTrue(assertThrows(ValidationException.class, () -> source(wrong)).getMessage().contains("'foo'"));
        assertTrue(assertThrows(ValidationException.class, () -> source(BID, "event.type", "bids")).getMessage()
            .contains("person, auction, bid"));
        assertTrue(assertThrows(ValidationException.class, () -> source(COMBINED, "first-event.rate", "x")).getMessage()
            .contains("first-event.rate"));
        assertTrue(assertThrows(ValidationException.class, () -> source(COMBINED, "first-event.rate", "10", "next-event.rate", "20"))
            .getMessage().contains("next-event.rate"));
        assertTrue(assertThrows(ValidationException.class, () -> source(COMBINED, "base-time", "yesterday"))
            .getMessage().contains("'base-time'"));
        assertTrue(assertThrows(ValidationException.class, () -> source(COMBINED, "bid.proportions", "1"))
            .getMessage().contains("bid.proportion"));
    }

    private static List<Row> sorted(List<Row> rows) {
        List<Row> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Row::toString));
        return copy;
    }
}
