package io.weir.codegen.functions;

import static io.weir.codegen.testutil.SqlFixture.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.weir.codegen.testutil.SqlFixture;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flink built-ins that Calcite lacks or defines differently; expected values from Flink's function docs. */
class FlinkBuiltinsTest {
    private final SqlFixture sql = new SqlFixture();

    private Object eval(String expr) {
        return sql.eval(expr, named("s", "hello", "n", 12, "s2", "1.25", "d", new BigDecimal("-1.25"), "dbl", 1.25));
    }

    @Test
    void shouldFormatNumbersAndBytes() {
        assertEquals("1100", eval("BIN(n)"));
        assertEquals("64", eval("HEX(100)"));
        assertEquals("68656C6C6F2C776F726C64", eval("HEX('hello,world')"));
        assertEquals("hello world", eval("FROM_BASE64('aGVsbG8gd29ybGQ=')"));
        assertEquals("a", eval("CHR(353)"));
        assertEquals("", eval("CHR(-1)"));
    }

    @Test
    void shouldRoundDecimalsToFlinksResultScale() {
        assertEquals(new BigDecimal("42.32"), eval("TRUNCATE(42.324, 2)"));
        assertEquals(new BigDecimal("42"), eval("TRUNCATE(42.324)"));
        assertEquals(new BigDecimal("3.14"), eval("ROUND(3.14159, 2)"));
        assertEquals(new BigDecimal("3"), eval("ROUND(2.5)"));
        assertEquals(new BigDecimal("-3"), eval("ROUND(-2.5)"));
        assertEquals(new BigDecimal("1200"), eval("ROUND(1234.5678, -2)"));
        assertEquals(1200, eval("ROUND(1234, -2)"));
        assertEquals(3.0, eval("ROUND(2.5E0)"));
        assertEquals(-1.9, eval("TRUNCATE(-1.99E0, 1)"));
        assertEquals(3.0, eval("LOG10(1000)"));
        assertEquals(3.0, eval("LOG2(8)"));
        assertEquals(3.0, (Double) eval("LOG(2, 8)"), 1e-12);
    }

    @Test
    void shouldCastToDecimalHalfUpAndSubstringAsFlink() {
        assertEquals(new BigDecimal("1.3"), eval("CAST(s2 AS DECIMAL(3, 1))"));
        assertEquals(new BigDecimal("-1.3"), eval("CAST(d AS DECIMAL(3, 1))"));
        assertEquals(new BigDecimal("1.3"), eval("CAST(dbl AS DECIMAL(3, 1))"));
        assertEquals("he", eval("SUBSTRING(s, 0, 2)"));
        assertEquals("ll", eval("SUBSTRING(s FROM -3 FOR 2)"));
        assertEquals("", eval("SUBSTRING(s, -9, 2)"));
        assertEquals("lo", eval("SUBSTR(s, -2)"));
    }

    @Test
    void shouldRunStringFunctions() {
        assertEquals(4, eval("LOCATE('l', s, 4)"));
        assertEquals(3, eval("LOCATE('l', s)"));
        assertEquals(true, eval("STARTSWITH(s, 'he')"));
        assertEquals(true, eval("ENDSWITH(s, '')"));
        assertEquals("hi", eval("BTRIM('  hi  ')"));
        assertEquals("hippo", eval("TRANSLATE(s, 'el', 'ip')"));
        assertEquals("facebook.com", eval("PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'HOST')"));
        assertEquals("v1", eval("PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'QUERY', 'k1')"));
        assertEquals(Map.of("a", "1", "b", "2"), eval("STR_TO_MAP('a=1,b=2')"));
        assertEquals("\"a\\\"b\"", eval("JSON_QUOTE('a\"b')"));
        assertEquals("a\"b", eval("JSON_UNQUOTE('\"a\\\"b\"')"));
        assertEquals("a+b%26c", eval("URL_ENCODE('a b&c')"));
        assertEquals("a b&c", eval("URL_DECODE('a+b%26c')"));
        assertEquals("a-3-null", eval("PRINTF('%s-%d-%s', 'a', 3, CAST(NULL AS VARCHAR))"));
        assertEquals("b", eval("ELT(2, 'a', 'b', 'c')"));
        assertNull(eval("ELT(4, 'a', 'b', 'c')"));
        assertEquals(true, eval("IS_DIGIT('123')"));
        assertEquals(false, eval("IS_ALPHA(CAST(NULL AS VARCHAR))"));
        assertEquals(true, eval("IS_DECIMAL('1.5')"));
        assertEquals("1969-12-31 16:00:00", eval("CONVERT_TZ('1970-01-01 00:00:00', 'UTC', 'America/Los_Angeles')"));
    }

    @Test
    void shouldRunRegexAndCollectionFunctions() {
        assertEquals(2, eval("REGEXP_COUNT('abcabc', 'b')"));
        assertEquals(3, eval("REGEXP_INSTR('abc', 'c')"));
        assertEquals("123", eval("REGEXP_SUBSTR('abc123', '[0-9]+')"));
        assertNull(eval("REGEXP_COUNT(s, '(')"), "bad regex is NULL");
        assertEquals(List.of("1", "22"), eval("REGEXP_EXTRACT_ALL('a1b22', '[0-9]+', 0)"));
        assertEquals(true, eval("ARRAY_CONTAINS(ARRAY[1, 2], 2)"));
        assertEquals(List.of(1, 2), eval("ARRAY_DISTINCT(ARRAY[1, 1, 2])"));
        assertEquals(List.of(2, 1), eval("ARRAY_REVERSE(ARRAY[1, 2])"));
        assertEquals("a,b", eval("ARRAY_JOIN(ARRAY['a', 'b'], ',')"));
        assertEquals(List.of("a"), eval("MAP_KEYS(MAP['a', 1])"));
        assertEquals(List.of(1), eval("MAP_VALUES(MAP['a', 1])"));
    }

    @Test
    void shouldRunArrayFunctions() {
        assertEquals(List.of(1, 2, 3), eval("ARRAY_APPEND(ARRAY[1, 2], 3)"));
        assertEquals(java.util.Arrays.asList(null, 1), eval("ARRAY_PREPEND(ARRAY[1], CAST(NULL AS INTEGER))"));
        assertEquals(2, eval("ARRAY_POSITION(ARRAY[5, 6, 6], 6)"));
        assertEquals(0, eval("ARRAY_POSITION(ARRAY[5], 7)"));
        assertEquals(List.of(5), eval("ARRAY_REMOVE(ARRAY[5, 6, 6], 6)"));
        assertEquals(List.of(2, 3), eval("ARRAY_SLICE(ARRAY[1, 2, 3, 4], 2, 3)"));
        assertEquals(List.of(3, 4), eval("ARRAY_SLICE(ARRAY[1, 2, 3, 4], -2)"));
        assertEquals(List.of(), eval("ARRAY_SLICE(ARRAY[1, 2, 3, 4], 3, 2)"));
        assertEquals(List.of(3, 2, 1), eval("ARRAY_SORT(ARRAY[2, 3, 1], FALSE)"));
        assertEquals(List.of(1, 2, 3), eval("ARRAY_UNION(ARRAY[1, 2], ARRAY[2, 3])"));
        assertEquals(List.of(1, 2, 2, 3), eval("ARRAY_CONCAT(ARRAY[1, 2], ARRAY[2, 3])"));
        assertEquals(List.of(1), eval("ARRAY_EXCEPT(ARRAY[1, 2, 1], ARRAY[2])"));
        assertEquals(List.of(2), eval("ARRAY_INTERSECT(ARRAY[1, 2, 2], ARRAY[2, 3])"));
        assertEquals(3, eval("ARRAY_MAX(ARRAY[1, 3, 2])"));
        assertEquals(1, eval("ARRAY_MIN(ARRAY[1, 3, 2])"));
        assertEquals(List.of("a", "", "b"), eval("SPLIT('a,,b', ',')"));
        assertEquals(Map.of("a", 1), eval("MAP_FROM_ARRAYS(ARRAY['a'], ARRAY[1])"));
        assertEquals("[1,2]", eval("JSON_STRING(ARRAY[1, 2])"));
        assertEquals("\"Hello, World!\"", eval("JSON_STRING('Hello, World!')"));
        assertEquals(false, eval("CAST(NULL AS VARCHAR) IS JSON"));
    }
}
