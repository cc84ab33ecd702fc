package io.weir.connectors.filesystem;

import io.weir.connectors.format.MalformedRecordException;
import io.weir.connectors.testing.TestContexts;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.ScanSource;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSourceFactory;
import io.weir.runtime.connector.ValidationException;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.weir.connectors.format.FormatTestSupport.map;
import static org.junit.jupiter.api.Assertions.*;

class FileSystemSourceTest {
    static final RowType T = RowType.of(new String[] {"id", "name"}, new DataType[] {DataType.integer(), DataType.string()});

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    static ScanSource<FileSplit> source(RowType type, List<String> partitionKeys, String... options) {
        TableContext ctx = TestContexts.table("files", type, map(options), partitionKeys);
        return (ScanSource<FileSplit>) FactoryUtil.discoverTableFactory(TableSourceFactory.class, ctx).createSource(ctx);
    }

    @Test
    void shouldReadEveryVisibleFileOfADirectoryAndSkipHiddenOnes() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "1,x\n2,y\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.csv"), "3,z\n");
        Files.writeString(dir.resolve(".part-1.csv.inprogress.t"), "9,hidden\n");
        Files.writeString(dir.resolve("_SUCCESS"), "");
        ScanSource<FileSplit> src = source(T, List.of(), "connector", "filesystem", "path", dir.toString(), "format", "csv");
        assertTrue(src.isBounded());
        assertEquals(List.of(Row.of(1, "x"), Row.of(2, "y"), Row.of(3, "z")), TestContexts.readAll(src, new TestContexts.Source()));
    }

    @Test
    void shouldAcceptFileUrisAndRejectOtherSchemes() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "1,x\n");
        ScanSource<FileSplit> src = source(T, List.of(), "connector", "filesystem", "path", dir.toUri().toString(), "format", "csv");
        assertEquals(List.of(Row.of(1, "x")), TestContexts.readAll(src, new TestContexts.Source()));
        ValidationException e = assertThrows(ValidationException.class,
            () -> source(T, List.of(), "connector", "filesystem", "path", "s3://bucket/x", "format", "csv"));
        assertTrue(e.getMessage().contains("'s3'") && e.getMessage().contains("'path'"), e.getMessage());
    }

    @Test
    void whenReaderRestoredFromSnapshot_thenContinuesIdenticallyIncludingMidChangelogRecord() throws Exception {
        Files.writeString(dir.resolve("c.json"), "{\"before\":null,\"after\":{\"id\":1,\"name\":\"a\"},\"op\":\"c\"}\n"
            + "{\"before\":{\"id\":1,\"name\":\"a\"},\"after\":{\"id\":1,\"name\":\"b\"},\"op\":\"u\"}\n"
            + "{\"before\":{\"id\":1,\"name\":\"b\"},\"after\":null,\"op\":\"d\"}\n");
        ScanSource<FileSplit> src = source(T, List.of(), "connector", "filesystem", "path", dir.toString(), "format", "debezium-json");
        assertEquals(io.weir.runtime.connector.ChangelogMode.all(), src.changelogMode());
        TestContexts.Source ctx = new TestContexts.Source();
        FileSplit split = src.discoverSplits(ctx).get(0);
        List<Row> expected = List.of(Row.ofKind(RowKind.INSERT, 1, "a"), Row.ofKind(RowKind.UPDATE_BEFORE, 1, "a"),
            Row.ofKind(RowKind.UPDATE_AFTER, 1, "b"), Row.ofKind(RowKind.DELETE, 1, "b"));
        for (int cut = 0; cut <= 4; cut++) {
            List<Row> got = new ArrayList<>();
            FileSplit pos;
            try (SplitReader<FileSplit> r = src.createReader(split, ctx)) {
                got.addAll(TestContexts.poll(r, cut));
                pos = src.splitSerializer().deserializeFromBytes(src.splitSerializer().serializeToBytes(r.snapshot()));
            }
            try (SplitReader<FileSplit> r = src.createReader(pos, ctx)) {
                got.addAll(TestContexts.poll(r, 100));
                assertTrue(r.isFinished());
            }
            assertEquals(expected, got, "cut after " + cut + " rows at " + pos);
        }
    }

    @Test
    void whenPartitioned_thenPartitionColumnsComeFromDirectories() throws Exception {
        RowType t = RowType.of(new String[] {"id", "dt", "name"}, new DataType[] {DataType.integer(), DataType.date(), DataType.string()});
        Files.createDirectories(dir.resolve("dt=2024-01-02"));
        Files.writeString(dir.resolve("dt=2024-01-02/p.json"), "{\"id\":1,\"name\":\"a\"}\n");
        Files.createDirectories(dir.resolve("dt=__DEFAULT_PARTITION__"));
        Files.writeString(dir.resolve("dt=__DEFAULT_PARTITION__/p.json"), "{\"id\":2,\"name\":\"b\"}\n");
        List<Row> rows = TestContexts.readAll(source(t, List.of("dt"), "connector", "filesystem", "path", dir.toString(),
            "format", "json"), new TestContexts.Source());
        assertEquals(List.of(Row.of(1, 19724, "a"), Row.of(2, null, "b")), rows);
    }

    @Test
    void whenMonitoring_thenNewFilesAreDiscoveredAndTheSourceIsUnbounded() throws Exception {
        ScanSource<FileSplit> src = source(T, List.of(), "connector", "filesystem", "path", dir.toString(), "format", "csv",
            "source.monitor-interval", "1 s");
        assertFalse(src.isBounded());
        assertEquals(java.time.Duration.ofSeconds(1), src.discoveryInterval().orElseThrow());
        assertEquals(0, src.discoverSplits(new TestContexts.Source()).size());
        Files.writeString(dir.resolve("new.csv"), "5,n\n");
        assertEquals(List.of(FileSplit.atStart(dir.resolve("new.csv").toString())), src.discoverSplits(new TestContexts.Source()));
    }

    @Test
    void whenBadRecord_thenErrorNamesFileAndLineUnlessIgnored() throws Exception {
        Files.writeString(dir.resolve("bad.csv"), "1,a\nnope,b\n3,c\n");
        ScanSource<FileSplit> strict = source(T, List.of(), "connector", "filesystem", "path", dir.toString(), "format", "csv");
        MalformedRecordException e = assertThrows(MalformedRecordException.class,
            () -> TestContexts.readAll(strict, new TestContexts.Source()));
        assertTrue(e.getMessage().contains("bad.csv, line 2") && e.getMessage().contains("field 'id'"), e.getMessage());
        ScanSource<FileSplit> lenient = source(T, List.of(), "connector", "filesystem", "path", dir.toString(), "format", "csv",
            "csv.ignore-parse-errors", "true");
        TestContexts.Source ctx = new TestContexts.Source();
        assertEquals(List.of(Row.of(1, "a"), Row.of(3, "c")), TestContexts.readAll(lenient, ctx));
        assertEquals(1, ctx.skipped);
    }

    @Test
    void whenOptionsWrong_thenErrorsNameTableOptionAndChoices() {
        String p = dir.toString();
        assertTrue(assertThrows(ValidationException.class, () -> source(T, List.of(), "connector", "filesystem", "path", p))
            .getMessage().contains("'format'"));
        assertTrue(assertThrows(ValidationException.class, () -> source(T, List.of(), "connector", "filesystem", "format", "csv"))
            .getMessage().contains("'path'"));
        ValidationException unknownFormat = assertThrows(ValidationException.class,
            () -> source(T, List.of(), "connector", "filesystem", "path", p, "format", "xml"));
        assertTrue(unknownFormat.getMessage().contains("'files'") && unknownFormat.getMessage().contains("csv"), unknownFormat.getMessage());
        ValidationException wrongFormatOption = assertThrows(ValidationException.class,
            () -> source(T, List.of(), "connector", "filesystem", "path", p, "format", "csv", "json.ignore-parse-errors", "true"));
        assertTrue(wrongFormatOption.getMessage().contains("json.ignore-parse-errors")
            && wrongFormatOption.getMessage().contains("csv.field-delimiter"), wrongFormatOption.getMessage());
        ValidationException combination = assertThrows(ValidationException.class, () -> source(T, List.of(), "connector",
            "filesystem", "path", p, "format", "json", "json.fail-on-missing-field", "true", "json.ignore-parse-errors", "true"));
        assertTrue(combination.getMessage().startsWith("Table 'files'"), combination.getMessage());
        ValidationException delimiter = assertThrows(ValidationException.class, () -> source(T, List.of(), "connector",
            "filesystem", "path", p, "format", "csv", "csv.field-delimiter", ";;"));
        assertTrue(delimiter.getMessage().contains("'files'") && delimiter.getMessage().contains("csv.field-delimiter"),
            delimiter.getMessage());
        ValidationException badValue = assertThrows(ValidationException.class,
            () -> source(T, List.of(), "connector", "filesystem", "path", p, "format", "json", "json.timestamp-format.standard", "X"));
        assertTrue(badValue.getMessage().contains("json.timestamp-format.standard") && badValue.getMessage().contains("ISO_8601"),
            badValue.getMessage());
    }

    @Test
    void whenProjected_thenOnlyTheChosenColumnsInTheirOrderForEveryFormat() throws Exception {
        RowType t = RowType.of(new String[] {"id", "dt", "name", "score"},
            new DataType[] {DataType.integer(), DataType.string(), DataType.string(), DataType.doubleType()});
        Files.createDirectories(dir.resolve("j/dt=d1"));
        Files.writeString(dir.resolve("j/dt=d1/a.json"), "{\"id\":1,\"name\":\"a\",\"score\":\"not a number\"}\n");
        Files.createDirectories(dir.resolve("c/dt=d2"));
        Files.writeString(dir.resolve("c/dt=d2/a.csv"), "2,b,0.5\n");
        int[] proj = {2, 1, 0};
        var json = (io.weir.runtime.connector.SupportsProjectionPushDown<FileSplit>) source(t, List.of("dt"),
            "connector", "filesystem", "path", dir.resolve("j").toString(), "format", "json");
        ScanSource<FileSplit> pj = json.applyProjection(proj);
        assertEquals(List.of("name", "dt", "id"), pj.producedType().fieldNames());
        assertEquals(List.of(Row.of("a", "d1", 1)), TestContexts.readAll(pj, new TestContexts.Source()),
            "the unread malformed 'score' is never decoded");
        var csv = (io.weir.runtime.connector.SupportsProjectionPushDown<FileSplit>) source(t, List.of("dt"),
            "connector", "filesystem", "path", dir.resolve("c").toString(), "format", "csv");
        assertEquals(List.of(Row.of("b", "d2", 2)), TestContexts.readAll(csv.applyProjection(proj), new TestContexts.Source()));
        assertEquals(List.of(Row.of(0.5)), TestContexts.readAll(csv.applyProjection(new int[] {3}), new TestContexts.Source()));
    }
}
