package io.weir.connectors.format;

import io.weir.runtime.connector.ValidationException;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.weir.connectors.format.FormatTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

class CsvFormatTest {
    static final RowType T = RowType.of(new String[] {"id", "name", "amount", "ts"},
        new DataType[] {DataType.integer(), DataType.string(), DataType.decimal(8, 2), DataType.timestamp(3)});

    @TempDir
    Path dir;

    @Test
    void shouldRoundTripQuotesDelimitersEmptyStringsAndNulls() throws Exception {
        List<Row> rows = List.of(Row.of(1, "plain", new BigDecimal("1.50"), 0L),
            Row.of(2, "has,comma and \"quote\"", null, 1_436_918_400_123L),
            Row.of(3, "", new BigDecimal("-3.00"), null), Row.of(null, null, null, null),
            Row.of(4, "two\nlines, \"quoted\"\r\n", null, null));
        FileFormat ff = format("csv").createFileFormat(T, options());
        Path file = dir.resolve("a.csv");
        writeFile(ff, file, rows);
        assertEquals("1,plain,1.50,1970-01-01 00:00:00.000\n2,\"has,comma and \"\"quote\"\"\",,2015-07-15 00:00:00.123\n"
            + "3,\"\",-3.00,\n,,,\n4,\"two\nlines, \"\"quoted\"\"\r\n\",,\n", Files.readString(file));
        assertEquals(rows, readFile(ff, file, FilePosition.START));
        FilePosition afterThird;
        try (FileRecordReader r = ff.openReader(file, FilePosition.START)) {
            for (int i = 0; i < 4; i++) {
                r.readNext(x -> { });
            }
            afterThird = r.position();
        }
        assertEquals(rows.subList(4, 5), readFile(ff, file, afterThird));
    }

    @Test
    void shouldHonourDelimiterQuoteNullLiteralAndComments() throws Exception {
        RowDecoder d = format("csv").createDecoder(T, options("csv.field-delimiter", ";", "csv.quote-character", "'",
            "csv.null-literal", "NULL", "csv.allow-comments", "true"));
        assertEquals(List.of(Row.of(1, "a;b", null, null)), decode(d, "1;'a;b';NULL;NULL"));
        assertEquals(List.of(Row.of(2, "", null, null)), decode(d, "2;;NULL;NULL"));
        assertEquals(List.of(), decode(d, "# a comment"));
        Path file = dir.resolve("c.csv");
        Files.writeString(file, "# it's a comment with a quote\n1;'x\ny';NULL;NULL\n");
        FileFormat ff = format("csv").createFileFormat(T, options("csv.field-delimiter", ";", "csv.quote-character", "'",
            "csv.null-literal", "NULL", "csv.allow-comments", "true"));
        assertEquals(List.of(Row.of(1, "x\ny", null, null)), readFile(ff, file, FilePosition.START));
        RowEncoder e = format("csv").createEncoder(T, options("csv.field-delimiter", "\\t", "csv.null-literal", "N/A"));
        assertEquals("1\tx\tN/A\tN/A", encode(e, Row.of(1, "x", null, null)));
    }

    @Test
    void whenFieldMalformedOrMissing_thenErrorNamesField() throws Exception {
        RowDecoder d = format("csv").createDecoder(T, options());
        MalformedRecordException bad = assertThrows(MalformedRecordException.class, () -> decode(d, "x,a,1,"));
        assertEquals("id", bad.field());
        MalformedRecordException missing = assertThrows(MalformedRecordException.class, () -> decode(d, "1,a"));
        assertEquals("amount", missing.field());
        assertThrows(MalformedRecordException.class, () -> decode(d, "1,a,2,,5"));
        Path file = dir.resolve("b.csv");
        Files.writeString(file, "1,a,1,\n2,b,zz,\n");
        MalformedRecordException e = assertThrows(MalformedRecordException.class,
            () -> readFile(format("csv").createFileFormat(T, options()), file, FilePosition.START));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("field 'amount'"), e.getMessage());
    }

    @Test
    void whenIgnoreParseErrors_thenSkippedAndCounted() {
        RowDecoder d = format("csv").createDecoder(T, options("csv.ignore-parse-errors", "true"));
        assertEquals(List.of(), decode(d, "x,a,1,"));
        assertEquals(List.of(Row.of(1, "a", new BigDecimal("1.00"), null)), decode(d, "1,a,1,"));
        assertEquals(1, d.skippedRecords());
    }

    @Test
    void whenDelimiterIsNotOneCharacter_thenValidationError() {
        assertThrows(ValidationException.class, () -> format("csv").createDecoder(T, options("csv.field-delimiter", "ab")));
    }

    @Test
    void shouldRoundTripMicrosecondAndNanosecondTimestamps() {
        RowType micros = RowType.of(new String[] {"ts6", "ts9", "ltz6"},
            new DataType[] {DataType.timestamp(6), DataType.timestamp(9), DataType.timestampLtz(6)});
        FormatFactory csv = format("csv");
        List<Row> rows = decode(csv.createDecoder(micros, options()),
            "2020-01-01 00:00:00.123456,2020-01-01 00:00:00.123456789,2020-01-01T00:00:00.000001Z");
        assertEquals(Row.of(1_577_836_800_123_456L, 1_577_836_800_123_456_789L, 1_577_836_800_000_001L), rows.get(0));
        assertEquals("2020-01-01 00:00:00.123456,2020-01-01 00:00:00.123456789,2020-01-01 00:00:00.000001",
            encode(csv.createEncoder(micros, options()), rows.get(0)).trim());
    }
}
