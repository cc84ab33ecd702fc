package io.weir.connectors.format;

import io.weir.runtime.data.Row;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.weir.connectors.format.FormatTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/** The JSON reader's grammar: escapes, unicode, whitespace, numbers, skipped values, bad input. */
class JsonScannerTest {
    static final RowType T = RowType.of(new String[] {"s", "l", "d", "b", "dec", "raw", "arr", "m"},
        new DataType[] {DataType.string(), DataType.bigint(), DataType.doubleType(), DataType.booleanType(),
            DataType.decimal(6, 3), DataType.string(), DataType.array(DataType.array(DataType.integer())),
            DataType.map(DataType.string(), DataType.bigint())});

    private static List<Row> read(String json) {
        return decode(format("json").createDecoder(T, options()), json);
    }

    @Test
    void shouldDecodeEscapesUnicodeAndWhitespace() {
        Row r = read(" { \"s\" : \"a\\\"b\\\\c\\n\\u00e9\\/ü€\" ,\n\"l\":-42 , \"d\": 1.5e3, \"b\" : \"TRUE\" } ").get(0);
        assertEquals("a\"b\\c\né/ü€", r.getField(0));
        assertEquals(-42L, r.getField(1));
        assertEquals(1500.0, r.getField(2));
        assertEquals(true, r.getField(3));
    }

    @Test
    void shouldReadQuotedNumbersRawJsonIntoStringsAndNestedCollections() {
        Row r = read("{\"l\":\"7\",\"dec\":\"1.23456\",\"raw\":{\"x\":[1,\"}\"]},\"arr\":[[1,2],[],null,[3]],\"m\":{\"a\":1,\"b\":null}}").get(0);
        assertEquals(7L, r.getField(1));
        assertEquals(new BigDecimal("1.235"), r.getField(4));
        assertEquals("{\"x\":[1,\"}\"]}", r.getField(5));
        assertEquals(java.util.Arrays.asList(List.of(1, 2), List.of(), null, List.of(3)), r.getField(6));
        java.util.Map<String, Long> m = new java.util.LinkedHashMap<>();
        m.put("a", 1L);
        m.put("b", null);
        assertEquals(m, r.getField(7));
    }

    @Test
    void shouldSkipUnknownFieldsOfAnyShapeAndAcceptAnyFieldOrder() {
        Row r = read("{\"zz\":{\"q\":[{\"w\":\"]}\\\"\"}],\"n\":null},\"l\":1,\"yy\":[true,false,null,-1.5E-3],\"s\":\"x\"}").get(0);
        assertEquals("x", r.getField(0));
        assertEquals(1L, r.getField(1));
        assertEquals(Row.of(null, null, null, null, null, null, null, null), read("{}").get(0));
        assertEquals(Map.of(), read("{\"m\":{}}").get(0).getField(7));
    }

    @Test
    void whenInputIsBroken_thenMalformedRecordWithFieldOrPosition() {
        for (String bad : List.of("{\"s\":\"x\"", "{\"s\" \"x\"}", "{\"l\":tru}", "[1]", "{\"s\":\"x\"} trailing", "{\"l\":1,}",
            "{\"s\":\"unterminated}")) {
            assertThrows(MalformedRecordException.class, () -> read(bad), bad);
        }
        MalformedRecordException e = assertThrows(MalformedRecordException.class, () -> read("{\"l\":12.5.3}"));
        assertEquals("l", e.field());
        assertEquals("arr", assertThrows(MalformedRecordException.class, () -> read("{\"arr\":[\"x\"]}")).field());
        MalformedRecordException big = assertThrows(MalformedRecordException.class, () -> read("{\"l\":123456789012345678901234}"));
        assertEquals("l", big.field());
    }
}
