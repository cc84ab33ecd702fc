package io.weir.codegen.functions;

import static io.weir.codegen.testutil.SqlFixture.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.codegen.testutil.SqlFixture;
import org.junit.jupiter.api.Test;

/** TIMESTAMP(p) with p above 3 in generated code: values in micros (4..6) or nanos (7..9). */
class TimestampPrecisionTest {
    /** 2020-01-01 00:00:00 UTC in epoch seconds. */
    private static final long T0 = 1_577_836_800L;
    private static final String TS6 = "TIMESTAMP '2020-01-01 00:00:00.123456'";

    private final SqlFixture sql = new SqlFixture().withZone("UTC");

    @Test
    void shouldKeepLiteralsInTheirPrecisionsUnit() {
        assertEquals(T0 * 1_000_000L + 123_456L, sql.eval(TS6));
        assertEquals(T0 * 1_000_000_000L + 123_456_789L, sql.eval("CAST(s AS TIMESTAMP(9))",
            named("s", "2020-01-01 00:00:00.123456789")));
        assertEquals(T0 * 1_000L + 123L, sql.eval("TIMESTAMP '2020-01-01 00:00:00.123'"));
    }

    @Test
    void shouldRescaleAndTruncateInCasts() {
        assertEquals(T0 * 1_000L + 123L, sql.eval("CAST(" + TS6 + " AS TIMESTAMP(3))"));
        assertEquals(T0 * 1_000_000_000L + 123_456_000L, sql.eval("CAST(" + TS6 + " AS TIMESTAMP(9))"));
        assertEquals(T0 * 1_000_000L + 123_400L, sql.eval("CAST(" + TS6 + " AS TIMESTAMP(4))"));
        assertEquals(T0 * 1_000L, sql.eval("CAST(" + TS6 + " AS TIMESTAMP(0))"));
        assertEquals("2020-01-01 00:00:00.123456", sql.eval("CAST(CAST(s AS TIMESTAMP(6)) AS VARCHAR)",
            named("s", "2020-01-01 00:00:00.123456789")));
        assertEquals(T0 * 1_000_000L + 123_456L, sql.eval("CAST(" + TS6 + " AS TIMESTAMP(6) WITH LOCAL TIME ZONE)"));
        assertEquals((int) (T0 / 86_400L), sql.eval("CAST(" + TS6 + " AS DATE)"));
    }

    @Test
    void shouldCompareAcrossPrecisions() {
        assertEquals(true, sql.eval(TS6 + " > TIMESTAMP '2020-01-01 00:00:00.123'"));
        assertEquals(true, sql.eval("TIMESTAMP '2020-01-01 00:00:00.123000' = TIMESTAMP '2020-01-01 00:00:00.123'"));
        assertEquals(false, sql.eval(TS6 + " = CAST(" + TS6 + " AS TIMESTAMP(3))"));
    }

    @Test
    void shouldAddIntervalsAndUnitsExactly() {
        assertEquals((T0 + 86_400L) * 1_000_000L + 123_456L, sql.eval(TS6 + " + INTERVAL '1' DAY"));
        assertEquals((T0 - 1L) * 1_000_000L + 123_456L, sql.eval(TS6 + " - INTERVAL '1' SECOND"));
        assertEquals((T0 + 7_200L) * 1_000_000L + 123_456L, sql.eval("TIMESTAMPADD(HOUR, 2, " + TS6 + ")"));
        // TIMESTAMPADD(MICROSECOND, ...) needs the planner's convertlet: see timestamp_precision.sqltest
    }

    @Test
    void shouldExtractFloorAndFormat() {
        assertEquals(123_456L, sql.eval("EXTRACT(MICROSECOND FROM " + TS6 + ")"));
        assertEquals(2020L, sql.eval("EXTRACT(YEAR FROM " + TS6 + ")"));
        assertEquals(T0 * 1_000_000L, sql.eval("FLOOR(" + TS6 + " TO SECOND)"));
        assertEquals((T0 + 1L) * 1_000_000L, sql.eval("CEIL(TIMESTAMP '2020-01-01 00:00:00.000001' TO SECOND)"));
        assertEquals("00:00:00.123456", sql.eval("DATE_FORMAT(" + TS6 + ", 'HH:mm:ss.SSSSSS')"));
    }

    @Test
    void whenNanosecondTimestampOutOfRange_thenErrorNamesValueAndType() {
        RuntimeException e = assertThrows(RuntimeException.class,
            () -> sql.eval("CAST(s AS TIMESTAMP(9))", named("s", "2300-01-01 00:00:00")));
        String text = String.valueOf(e.getMessage()) + " " + e.getCause();
        assertTrue(text.contains("2300-01-01") && text.contains("TIMESTAMP(9)"), text);
    }
}
