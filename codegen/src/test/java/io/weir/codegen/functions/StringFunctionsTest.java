package io.weir.codegen.functions;

import static io.weir.codegen.testutil.SqlFixture.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.weir.codegen.testutil.SqlFixture;
import org.junit.jupiter.api.Test;

class StringFunctionsTest {
    private final SqlFixture sql = new SqlFixture();

    @Test
    void shouldSplitAndIndex() {
        assertEquals("b", sql.eval("SPLIT_INDEX(s, ',', 1)", named("s", "a,b,c")));
        assertEquals("", sql.eval("SPLIT_INDEX(s, ',', 1)", named("s", "a,,c")));
        assertEquals("c", sql.eval("SPLIT_INDEX(s, '::', 2)", named("s", "a::b::c")));
        assertNull(sql.eval("SPLIT_INDEX(s, ',', 5)", named("s", "a,b,c")));
        assertNull(sql.eval("SPLIT_INDEX(s, ',', -1)", named("s", "a,b,c")));
        assertNull(sql.eval("SPLIT_INDEX(s, ',', 0)"));
    }

    @Test
    void shouldExtractWithRegularExpressions() {
        assertEquals("100", sql.eval("REGEXP_EXTRACT(s, 'foo([0-9]+)', 1)", named("s", "foo100bar")));
        assertEquals("foo100", sql.eval("REGEXP_EXTRACT(s, 'foo([0-9]+)')", named("s", "foo100bar")));
        assertNull(sql.eval("REGEXP_EXTRACT(s, 'x([0-9]+)', 1)", named("s", "foo100bar")));
        assertNull(sql.eval("REGEXP_EXTRACT(s, '(', 1)", named("s", "foo100bar")), "bad regex is NULL");
        assertNull(sql.eval("REGEXP_EXTRACT(s, 'f(o)', 2)", named("s", "foo")), "missing group is NULL");
        assertEquals(true, sql.eval("REGEXP(s, '[0-9]+')", named("s", "foo100bar")));
        assertEquals("fooXbar", sql.eval("REGEXP_REPLACE(s, '[0-9]+', 'X')", named("s", "foo100bar")));
    }

    @Test
    void shouldConcatLikeFlink() {
        assertEquals("ab", sql.eval("CONCAT(s, s2)", named("s", "a", "s2", "b")));
        assertNull(sql.eval("CONCAT(s, s2)", named("s", "a")), "CONCAT is NULL if any argument is");
        assertEquals("a-c", sql.eval("CONCAT_WS('-', s, s2, 'c')", named("s", "a")), "CONCAT_WS skips NULLs");
        assertNull(sql.eval("CONCAT_WS(s2, s, 'c')", named("s", "a")), "CONCAT_WS with NULL separator is NULL");
        assertEquals("ab", sql.eval("s || s2", named("s", "a", "s2", "b")));
    }

    @Test
    void shouldRunCalciteStringFunctions() {
        assertEquals("ABC", sql.eval("UPPER(s)", named("s", "abC")));
        assertEquals("abc", sql.eval("LOWER(s)", named("s", "abC")));
        assertEquals(3, sql.eval("CHAR_LENGTH(s)", named("s", "abc")));
        assertEquals("bc", sql.eval("SUBSTRING(s, 2)", named("s", "abc")));
        assertEquals("b", sql.eval("SUBSTRING(s FROM 2 FOR 1)", named("s", "abc")));
        assertEquals("a", sql.eval("TRIM(s)", named("s", " a ")));
        assertEquals("a ", sql.eval("LTRIM(s)", named("s", " a ")));
        assertEquals(" a", sql.eval("RTRIM(s)", named("s", " a ")));
        assertEquals("xxab", sql.eval("LPAD(s, 4, 'x')", named("s", "ab")));
        assertEquals("abxx", sql.eval("RPAD(s, 4, 'x')", named("s", "ab")));
        assertEquals("aXc", sql.eval("REPLACE(s, 'b', 'X')", named("s", "abc")));
        assertEquals("Hello World", sql.eval("INITCAP(s)", named("s", "hello world")));
        assertEquals("abab", sql.eval("REPEAT(s, 2)", named("s", "ab")));
        assertEquals("cba", sql.eval("REVERSE(s)", named("s", "abc")));
        assertEquals("ab", sql.eval("LEFT(s, 2)", named("s", "abc")));
        assertEquals("bc", sql.eval("RIGHT(s, 2)", named("s", "abc")));
        assertEquals(2, sql.eval("POSITION('b' IN s)", named("s", "abc")));
        assertEquals(2, sql.eval("INSTR(s, 'b')", named("s", "abc")));
        assertEquals("900150983cd24fb0d6963f7d28e17f72", sql.eval("MD5(s)", named("s", "abc")));
        assertEquals("YWJj", sql.eval("TO_BASE64(s)", named("s", "abc")));
        assertEquals(true, sql.eval("STARTS_WITH(s, 'ab')", named("s", "abc")));
        assertEquals(true, sql.eval("s LIKE 'a%'", named("s", "abc")));
        assertEquals(true, sql.eval("s SIMILAR TO 'a(b|c)+'", named("s", "abc")));
    }
}
