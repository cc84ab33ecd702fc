package io.weir.codegen.functions;

import static io.weir.codegen.testutil.SqlFixture.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.weir.codegen.testutil.SqlFixture;
import io.weir.runtime.data.Row;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The functions FUNCTIONS.md lists that other tests do not cover: each validates and runs. */
class DocumentedFunctionsTest {
    private static final long TS = LocalDateTime.of(2024, 3, 5, 14, 30, 15).toInstant(ZoneOffset.UTC).toEpochMilli();

    private final SqlFixture sql = new SqlFixture();

    private Row input() {
        return named("a", 3, "b", 2L, "s", "abc", "ts", TS, "ltz", TS, "dbl", 2.0, "s2", "{\"k\": [1, 2]}");
    }

    private Object eval(String expr) {
        return sql.eval(expr, input());
    }

    @Test
    void shouldRunMoreStringFunctions() {
        assertEquals(3, eval("CHARACTER_LENGTH(s)"));
        assertEquals("aXc", eval("OVERLAY(s PLACING 'X' FROM 2 FOR 1)"));
        assertEquals(97, eval("ASCII(s)"));
        assertEquals("a", eval("CHR(97)"));
        assertEquals(true, eval("ENDS_WITH(s, 'bc')"));
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", eval("SHA1(s)"));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", eval("SHA256(s)"));
        assertNotNull(eval("FROM_BASE64('YWJj')"));
        assertEquals("bc", eval("TRIM(LEADING 'a' FROM s)"));
    }

    @Test
    void shouldRunMoreTimeFunctions() {
        sql.context().setProcessingTime(TS);
        assertEquals((int) (TS / 86_400_000L), eval("CURRENT_DATE"));
        assertEquals(TS, eval("LOCALTIMESTAMP"));
        assertNotNull(eval("CURRENT_TIME"));
        assertEquals(3L, eval("DAYOFWEEK(ts)"));
        assertEquals(1L, eval("QUARTER(ts)"));
        assertEquals(10L, eval("WEEK(ts)"));
        assertEquals(3L, eval("MONTH(ts)"));
        assertEquals(5L, eval("DAYOFMONTH(ts)"));
        assertEquals(30L, eval("MINUTE(ts)"));
        assertEquals(15L, eval("SECOND(ts)"));
        assertEquals(TS, eval("CAST(ltz AS TIMESTAMP(3))"));
    }

    @Test
    void shouldRunMoreScalarFunctions() {
        assertEquals(true, eval("a IS DISTINCT FROM b"));
        assertEquals("[1,2]", eval("JSON_QUERY(s2, '$.k')"));
        assertEquals(true, eval("JSON_EXISTS(s2, '$.k')"));
        assertEquals("{\"x\":3}", eval("JSON_OBJECT('x' VALUE a)"));
        assertEquals("[3]", eval("JSON_ARRAY(a)"));
        assertEquals(1, eval("SIGN(a)"));
        assertEquals(Math.PI, eval("PI"));
        assertNotNull(eval("RAND()"));
        assertNotNull(eval("RAND_INTEGER(10)"));
        assertEquals(2.0, (Double) eval("EXP(LN(dbl))"), 1e-9);
        assertEquals(1.2, eval("TRUNCATE(1.29E0, 1)"));
        assertEquals(7.389, (Double) eval("ROUND(EXP(dbl), 3)"), 1e-9);
    }

    @Test
    void shouldRunAggregateAliases() {
        SqlFixture.AggRun run = sql.aggregate("SELECT STDDEV(dbl), VARIANCE(dbl) FROM T", true);
        run.accumulate(named("dbl", 1.0), named("dbl", 3.0));
        assertEquals(Row.of(Math.sqrt(2.0), 2.0), run.value());
    }
}
