package io.weir.connectors.format;

import io.weir.runtime.data.Row;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.weir.connectors.format.FormatTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

class AvroFormatTest {
    static final RowType T = RowType.of(new String[] {"id", "name", "price", "ts", "d", "tags", "attrs", "inner"},
        new DataType[] {DataType.bigint().notNull(), DataType.string(), DataType.decimal(10, 2), DataType.timestamp(3),
            DataType.date(), DataType.array(DataType.integer()), DataType.map(DataType.string(), DataType.string()),
            DataType.row(RowType.of(new String[] {"a"}, new DataType[] {DataType.doubleType()}))});

    @TempDir
    Path dir;

    private static Row row(long i) {
        return Row.of(i, "n" + i, new BigDecimal(i + ".25"), 1_000L * i, (int) i, List.of(1, 2), Map.of("k", "v" + i), Row.of(i / 2.0));
    }

    @Test
    void shouldWriteContainerFilesThatStandardAvroReadersUnderstand() throws Exception {
        Path file = dir.resolve("a.avro");
        FileFormat ff = format("avro").createFileFormat(T, options("avro.codec", "deflate"));
        writeFile(ff, file, List.of(row(1), row(2)));
        try (DataFileReader<GenericRecord> r = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
            Schema s = r.getSchema();
            assertEquals("local-timestamp-millis", s.getField("ts").schema().getTypes().get(1).getLogicalType().getName());
            assertEquals("decimal", s.getField("price").schema().getTypes().get(1).getLogicalType().getName());
            assertEquals("date", s.getField("d").schema().getTypes().get(1).getLogicalType().getName());
            assertEquals(Schema.Type.LONG, s.getField("id").schema().getType());
            GenericRecord first = r.next();
            assertEquals("n1", first.get("name").toString());
            assertEquals(1000L, first.get("ts"));
        }
        assertEquals(List.of(row(1), row(2)), readFile(ff, file, FilePosition.START));
    }

    @Test
    void whenReopenedAtAPositionInsideABlock_thenContinuesExactly() throws Exception {
        Path file = dir.resolve("b.avro");
        FileFormat ff = format("avro").createFileFormat(T, options());
        List<Row> rows = new ArrayList<>();
        for (long i = 0; i < 5000; i++) {
            rows.add(row(i));
        }
        writeFile(ff, file, rows);
        for (int cut : new int[] {0, 1, 1234, 4999}) {
            FilePosition pos = FilePosition.START;
            try (FileRecordReader r = ff.openReader(file, FilePosition.START)) {
                for (int i = 0; i < cut; i++) {
                    assertTrue(r.readNext(x -> { }));
                }
                pos = r.position();
            }
            assertEquals(rows.subList(cut, rows.size()), readFile(ff, file, pos), "cut at " + cut);
        }
    }

    @Test
    void whenCodecIsNotAvailable_thenValidationErrorListsTheValidOnes() throws Exception {
        var e = assertThrows(io.weir.runtime.connector.ValidationException.class,
            () -> format("avro").createFileFormat(T, options("avro.codec", "snappy")));
        assertTrue(e.getMessage().contains("avro.codec") && e.getMessage().contains("deflate"), e.getMessage());
        Path file = dir.resolve("c.avro");
        FileFormat bzip2 = format("avro").createFileFormat(T, options("avro.codec", "bzip2"));
        writeFile(bzip2, file, List.of(row(1)));
        assertEquals(List.of(row(1)), readFile(bzip2, file, FilePosition.START));
    }

    @Test
    void shouldRoundTripSingleBinaryRecords() {
        FormatFactory avro = format("avro");
        byte[] bytes = avro.createEncoder(T, options()).encode(row(3));
        List<Row> out = new ArrayList<>();
        avro.createDecoder(T, options()).decode(bytes, 0, bytes.length, out::add);
        assertEquals(List.of(row(3)), out);
    }

    @Test
    void shouldWriteMicrosAndRescaleTimestampsWrittenInAnotherUnit() throws Exception {
        RowType micros = RowType.of(new String[] {"ts"}, new DataType[] {DataType.timestamp(6)});
        RowType millis = RowType.of(new String[] {"ts"}, new DataType[] {DataType.timestamp(3)});
        Path file = dir.resolve("micros.avro");
        FileFormat ff6 = format("avro").createFileFormat(micros, options());
        writeFile(ff6, file, List.of(Row.of(1_577_836_800_123_456L)));
        try (DataFileReader<GenericRecord> r = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
            assertEquals("local-timestamp-micros",
                r.getSchema().getField("ts").schema().getTypes().get(1).getLogicalType().getName());
        }
        assertEquals(List.of(Row.of(1_577_836_800_123_456L)), readFile(ff6, file, FilePosition.START));
        FileFormat ff3 = format("avro").createFileFormat(millis, options());
        assertEquals(List.of(Row.of(1_577_836_800_123L)), readFile(ff3, file, FilePosition.START));
        assertThrows(UnsupportedOperationException.class, () -> format("avro").createFileFormat(
            RowType.of(new String[] {"ts"}, new DataType[] {DataType.timestamp(9)}), options()));
    }
}
