package io.weir.connectors.format;

import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.weir.connectors.format.FormatTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

class JsonFormatTest {
    static final RowType NESTED = RowType.of(new String[] {"id", "price", "ts", "d", "tags", "attrs", "inner"},
        new DataType[] {DataType.bigint(), DataType.decimal(10, 2), DataType.timestamp(3), DataType.date(),
            DataType.array(DataType.string()), DataType.map(DataType.string(), DataType.integer()),
            DataType.row(RowType.of(new String[] {"a", "b"}, new DataType[] {DataType.integer(), DataType.booleanType()}))});

    @TempDir
    Path dir;

    private static Row sample() {
        return Row.of(7L, new BigDecimal("12.50"), 1_436_918_400_123L, 16631, List.of("x", "y"),
            Map.of("k", 1), Row.of(3, true));
    }

    @Test
    void shouldRoundTripNestedRowsArraysAndMaps() {
        FormatFactory json = format("json");
        String text = encode(json.createEncoder(NESTED, options()), sample());
        assertEquals("{\"id\":7,\"price\":12.50,\"ts\":\"2015-07-15 00:00:00.123\",\"d\":\"2015-07-15\",\"tags\":[\"x\",\"y\"],"
            + "\"attrs\":{\"k\":1},\"inner\":{\"a\":3,\"b\":true}}", text);
        assertEquals(List.of(sample()), decode(json.createDecoder(NESTED, options()), text));
    }

    @Test
    void whenIsoStandard_thenTimestampsUseT() {
        FormatFactory json = format("json");
        String text = encode(json.createEncoder(NESTED, options("json.timestamp-format.standard", "ISO-8601")), sample());
        assertTrue(text.contains("\"2015-07-15T00:00:00.123\""), text);
        assertEquals(List.of(sample()), decode(json.createDecoder(NESTED,
            options("json.timestamp-format.standard", "ISO-8601")), text));
        MalformedRecordException e = assertThrows(MalformedRecordException.class,
            () -> decode(json.createDecoder(NESTED, options()), text));
        assertEquals("ts", e.field());
    }

    @Test
    void whenFieldMissing_thenNullOrErrorWithFailOnMissingField() {
        RowType t = RowType.of(new String[] {"a", "b"}, new DataType[] {DataType.integer(), DataType.string()});
        FormatFactory json = format("json");
        assertEquals(List.of(Row.of(1, null)), decode(json.createDecoder(t, options()), "{\"a\":1,\"zzz\":{\"q\":[1]}}"));
        MalformedRecordException e = assertThrows(MalformedRecordException.class,
            () -> decode(json.createDecoder(t, options("json.fail-on-missing-field", "true")), "{\"a\":1}"));
        assertEquals("b", e.field());
    }

    @Test
    void whenFieldMalformed_thenErrorNamesFileLineAndField() throws Exception {
        RowType t = RowType.of(new String[] {"a", "b"}, new DataType[] {DataType.integer(), DataType.string()});
        Path file = dir.resolve("in.json");
        Files.writeString(file, "{\"a\":1,\"b\":\"x\"}\n{\"a\":\"oops\",\"b\":\"y\"}\n");
        FileFormat ff = format("json").createFileFormat(t, options());
        MalformedRecordException e = assertThrows(MalformedRecordException.class, () -> readFile(ff, file, FilePosition.START));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("line 2")
            && e.getMessage().contains("field 'a'"), e.getMessage());
    }

    @Test
    void whenIgnoreParseErrors_thenBadRecordsAreSkippedAndCounted() throws Exception {
        RowType t = RowType.of(new String[] {"a"}, new DataType[] {DataType.integer()});
        Path file = dir.resolve("in.json");
        Files.writeString(file, "{\"a\":1}\nnot json\n{\"a\":\"x\"}\n{\"a\":4}\n");
        FileFormat ff = format("json").createFileFormat(t, options("json.ignore-parse-errors", "true"));
        List<Row> rows = new ArrayList<>();
        try (FileRecordReader r = ff.openReader(file, FilePosition.START)) {
            while (r.readNext(rows::add)) {
                // read all
            }
            assertEquals(2, r.skippedRecords());
        }
        assertEquals(List.of(Row.of(1), Row.of(4)), rows);
    }

    @Test
    void whenReaderReopenedAtPosition_thenItContinuesWithTheNextRecord() throws Exception {
        RowType t = RowType.of(new String[] {"a"}, new DataType[] {DataType.integer()});
        Path file = dir.resolve("in.json");
        Files.write(file, "{\"a\":1}\r\n\n{\"a\":2}\n{\"a\":3}".getBytes(StandardCharsets.UTF_8));
        FileFormat ff = format("json").createFileFormat(t, options());
        FilePosition afterFirst;
        try (FileRecordReader r = ff.openReader(file, FilePosition.START)) {
            assertTrue(r.readNext(x -> { }));
            afterFirst = r.position();
        }
        assertEquals(List.of(Row.of(2), Row.of(3)), readFile(ff, file, afterFirst));
    }

    @Test
    void shouldRoundTripDebeziumChangelogs() throws Exception {
        RowType t = RowType.of(new String[] {"id", "name"}, new DataType[] {DataType.integer(), DataType.string()});
        List<Row> changelog = List.of(Row.ofKind(RowKind.INSERT, 1, "a"), Row.ofKind(RowKind.UPDATE_BEFORE, 1, "a"),
            Row.ofKind(RowKind.UPDATE_AFTER, 1, "b"), Row.ofKind(RowKind.DELETE, 1, "b"));
        FileFormat ff = format("debezium-json").createFileFormat(t, options());
        Path file = dir.resolve("changes.json");
        writeFile(ff, file, changelog);
        assertEquals(changelog, readFile(ff, file, FilePosition.START));
        assertTrue(Files.readString(file).startsWith("{\"before\":null,\"after\":{\"id\":1,\"name\":\"a\"},\"op\":\"c\"}\n"));
    }

    @Test
    void shouldReadDebeziumUpdatesWithBothImagesAndSchemaEnvelope() {
        RowType t = RowType.of(new String[] {"id", "name"}, new DataType[] {DataType.integer(), DataType.string()});
        FormatFactory dbz = format("debezium-json");
        assertEquals(List.of(Row.ofKind(RowKind.UPDATE_BEFORE, 1, "a"), Row.ofKind(RowKind.UPDATE_AFTER, 1, "b")),
            decode(dbz.createDecoder(t, options()), "{\"op\":\"u\",\"before\":{\"id\":1,\"name\":\"a\"},\"after\":{\"id\":1,\"name\":\"b\"},\"ts_ms\":5}"));
        assertEquals(List.of(Row.of(2, "r")), decode(dbz.createDecoder(t, options("debezium-json.schema-include", "true")),
            "{\"schema\":{\"type\":\"struct\"},\"payload\":{\"before\":null,\"after\":{\"id\":2,\"name\":\"r\"},\"op\":\"r\"}}"));
        MalformedRecordException e = assertThrows(MalformedRecordException.class,
            () -> decode(dbz.createDecoder(t, options()), "{\"op\":\"x\",\"after\":{\"id\":1}}"));
        assertEquals("op", e.field());
    }

    @Test
    void shouldRoundTripMicrosecondAndNanosecondTimestamps() {
        RowType micros = RowType.of(new String[] {"ts6", "ts9"}, new DataType[] {DataType.timestamp(6), DataType.timestamp(9)});
        FormatFactory json = format("json");
        String text = "{\"ts6\":\"2020-01-01 00:00:00.123456\",\"ts9\":\"2020-01-01 00:00:00.123456789\"}";
        Row row = decode(json.createDecoder(micros, options()), text).get(0);
        assertEquals(Row.of(1_577_836_800_123_456L, 1_577_836_800_123_456_789L), row);
        assertEquals(text, encode(json.createEncoder(micros, options()), row).trim());
        String iso = encode(json.createEncoder(micros, options("json.timestamp-format.standard", "ISO-8601")), row);
        assertTrue(iso.contains("2020-01-01T00:00:00.123456\""), iso);
    }
}
