package io.weir.codegen.functions;

import static io.weir.codegen.testutil.SqlFixture.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.weir.codegen.testutil.SqlFixture;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ScalarFunctionsTest {
    private final SqlFixture sql = new SqlFixture();

    @Test
    void shouldRunConditionals() {
        assertEquals("y", sql.eval("IF(a > 1, 'y', 'n')", named("a", 2)));
        assertEquals("n", sql.eval("IF(a > 1, 'y', 'n')"), "a NULL condition takes the ELSE branch");
        assertEquals(7, sql.eval("IFNULL(a, 7)"));
        assertEquals(3, sql.eval("IFNULL(a, 7)", named("a", 3)));
        assertEquals(7, sql.eval("COALESCE(a, n, 7)", named("n", 7)));
        assertNull(sql.eval("NULLIF(a, 1)", named("a", 1)));
        assertEquals(5, sql.eval("GREATEST(a, 5)", named("a", 1)));
        assertEquals(1, sql.eval("LEAST(a, 5)", named("a", 1)));
    }

    @Test
    void shouldHashValues() {
        assertEquals("abc".hashCode(), sql.eval("HASH_CODE(s)", named("s", "abc")));
        assertEquals(Integer.hashCode(5), sql.eval("HASH_CODE(a)", named("a", 5)));
        assertNull(sql.eval("HASH_CODE(s)"));
    }

    @Test
    void shouldReadJsonValues() {
        String json = "{\"a\": {\"b\": 42}, \"s\": \"x\"}";
        assertEquals("42", sql.eval("JSON_VALUE(s, '$.a.b')", named("s", json)));
        assertEquals("x", sql.eval("JSON_VALUE(s, '$.s')", named("s", json)));
        assertNull(sql.eval("JSON_VALUE(s, '$.missing')", named("s", json)));
        assertEquals(42, sql.eval("JSON_VALUE(s, '$.a.b' RETURNING INTEGER)", named("s", json)));
    }

    @Test
    void shouldRunArithmeticFunctions() {
        assertEquals(3, sql.eval("ABS(a)", named("a", -3)));
        assertEquals(1, sql.eval("MOD(a, 3)", named("a", 7)));
        assertEquals(8.0, sql.eval("POWER(dbl, 3)", named("dbl", 2.0)));
        assertEquals(new BigDecimal("1.3"), sql.eval("ROUND(d, 1)", named("d", new BigDecimal("1.25"))));
        assertEquals(2.0, sql.eval("SQRT(dbl)", named("dbl", 4.0)));
        assertEquals(2.0, sql.eval("LOG10(dbl)", named("dbl", 100.0)));
        assertEquals(new BigDecimal("2"), sql.eval("CEIL(d)", named("d", new BigDecimal("1.25"))));
        assertEquals(new BigDecimal("1"), sql.eval("FLOOR(d)", named("d", new BigDecimal("1.25"))));
        assertEquals(2L, sql.eval("CAST(dbl AS BIGINT)", named("dbl", 2.7)));
        assertEquals(0.5, sql.eval("a / 2.0E0", named("a", 1)));
    }
}
