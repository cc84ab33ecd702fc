package io.weir.codegen.functions;

import static io.weir.codegen.testutil.SqlFixture.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.codegen.testutil.SqlFixture;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class TimeFunctionsTest {
    /** 2024-03-05 14:30:15.250 as a TIMESTAMP (epoch millis of the local date-time at UTC). */
    private static final long TS = LocalDateTime.of(2024, 3, 5, 14, 30, 15, 250_000_000)
        .toInstant(ZoneOffset.UTC).toEpochMilli();

    private final SqlFixture sql = new SqlFixture();

    @Test
    void shouldReturnProcessingTimeForProctime() {
        sql.context().setProcessingTime(123_456L);
        assertEquals(123_456L, sql.eval("PROCTIME()"));
        assertEquals(123_456L, sql.eval("NOW()"));
        assertEquals(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, sql.typeOf("PROCTIME()").getSqlTypeName());
        assertEquals(123L, sql.eval("UNIX_TIMESTAMP()"));
    }

    @Test
    void shouldReturnTheWatermarkOrNullBeforeTheFirst() {
        assertNull(sql.eval("CURRENT_WATERMARK(ts)"));
        sql.context().setCurrentWatermark(5_000L);
        assertEquals(5_000L, sql.eval("CURRENT_WATERMARK(ts)"));
        assertEquals(true, sql.eval("ts > CURRENT_WATERMARK(ts)", named("ts", 6_000L)));
        assertEquals(SqlTypeName.TIMESTAMP, sql.typeOf("CURRENT_WATERMARK(ts)").getSqlTypeName());
        assertTrue(sql.typeOf("CURRENT_WATERMARK(ts)").isNullable());
    }

    @Test
    void shouldFormatTimestampsAsFlink() {
        assertEquals("2024-03-05 14:30", sql.eval("DATE_FORMAT(ts, 'yyyy-MM-dd HH:mm')", named("ts", TS)));
        assertEquals("20240305", sql.eval("DATE_FORMAT(s, 'yyyyMMdd')", named("s", "2024-03-05 14:30:15")));
        assertNull(sql.eval("DATE_FORMAT(s, 'yyyyMMdd')", named("s", "not a date")));
        assertNull(sql.eval("DATE_FORMAT(ts, 'yyyy')"));
    }

    @Test
    void shouldFormatLocalZonedTimestampsInTheSessionZone() {
        SqlFixture tokyo = new SqlFixture().withZone("Asia/Tokyo");
        assertEquals("2024-03-05 23:30:15", tokyo.eval("DATE_FORMAT(ltz, 'yyyy-MM-dd HH:mm:ss')", named("ltz", TS)));
        assertEquals("2024-03-05 23:30:15", tokyo.eval("FROM_UNIXTIME(b)", named("b", TS / 1000)));
        assertEquals("05/03/2024", tokyo.eval("FROM_UNIXTIME(b, 'dd/MM/yyyy')", named("b", TS / 1000)));
        assertEquals(TS / 1000, tokyo.eval("UNIX_TIMESTAMP(s)", named("s", "2024-03-05 23:30:15")));
        assertEquals(TS / 1000, tokyo.eval("UNIX_TIMESTAMP(s, 'yyyy/MM/dd HH:mm:ss')", named("s", "2024/03/05 23:30:15")));
        assertNull(tokyo.eval("UNIX_TIMESTAMP(s)", named("s", "garbage")));
    }

    @Test
    void shouldParseTimestamps() {
        assertEquals(TS, sql.eval("TO_TIMESTAMP(s)", named("s", "2024-03-05 14:30:15.250")));
        assertEquals(TS - 250, sql.eval("TO_TIMESTAMP(s)", named("s", "2024-03-05 14:30:15")));
        assertEquals(TS - 250 - (14 * 3600 + 30 * 60 + 15) * 1000L,
            sql.eval("TO_TIMESTAMP(s, 'yyyy/MM/dd')", named("s", "2024/03/05")));
        assertNull(sql.eval("TO_TIMESTAMP(s)", named("s", "2024-13-45 00:00:00")));
        assertEquals(SqlTypeName.TIMESTAMP, sql.typeOf("TO_TIMESTAMP(s)").getSqlTypeName());
        assertEquals(3, sql.typeOf("TO_TIMESTAMP(s)").getPrecision());
    }

    @Test
    void shouldConvertEpochsToLocalZonedTimestamps() {
        assertEquals(1_000L, sql.eval("TO_TIMESTAMP_LTZ(b, 0)", named("b", 1L)));
        assertEquals(1L, sql.eval("TO_TIMESTAMP_LTZ(b, 3)", named("b", 1L)));
        assertEquals(1_500L, sql.eval("TO_TIMESTAMP_LTZ(d, 0)", named("d", new java.math.BigDecimal("1.50"))));
        SqlFixture tokyo = new SqlFixture().withZone("Asia/Tokyo");
        assertEquals(TS - 250, tokyo.eval("TO_TIMESTAMP_LTZ(s, 'yyyy-MM-dd HH:mm:ss')",
            named("s", "2024-03-05 23:30:15")));
        assertEquals(TS - 250, sql.eval("TO_TIMESTAMP_LTZ(s, 'yyyy-MM-dd HH:mm:ss', 'Asia/Tokyo')",
            named("s", "2024-03-05 23:30:15")));
        assertEquals(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, sql.typeOf("TO_TIMESTAMP_LTZ(b, 3)").getSqlTypeName());
    }

    @Test
    void shouldParseDates() {
        int days = (int) LocalDate.of(2024, 3, 5).toEpochDay();
        assertEquals(days, sql.eval("TO_DATE(s)", named("s", "2024-03-05")));
        assertEquals(days, sql.eval("TO_DATE(s, 'dd.MM.yyyy')", named("s", "05.03.2024")));
        assertNull(sql.eval("TO_DATE(s)", named("s", "yesterday")));
    }

    @Test
    void shouldRunCalciteTimeFunctions() {
        long hour = 3_600_000L;
        assertEquals(TS - TS % hour, sql.eval("FLOOR(ts TO HOUR)", named("ts", TS)));
        assertEquals(TS - TS % hour + hour, sql.eval("CEIL(ts TO HOUR)", named("ts", TS)));
        assertEquals(14L, sql.eval("HOUR(ts)", named("ts", TS)));
        assertEquals(2024L, sql.eval("EXTRACT(YEAR FROM ts)", named("ts", TS)));
        assertEquals(TS + 60_000L, sql.eval("TIMESTAMPADD(MINUTE, 1, ts)", named("ts", TS)));
        assertEquals(2, sql.eval("TIMESTAMPDIFF(HOUR, ts, ts + INTERVAL '2' HOUR)", named("ts", TS)));
        assertEquals((int) LocalDate.of(2024, 3, 5).toEpochDay(), sql.eval("CAST(ts AS DATE)", named("ts", TS)));
        assertEquals(TS, sql.eval("CAST(s AS TIMESTAMP(3))", named("s", "2024-03-05 14:30:15.250")));
    }

    @Test
    void shouldRunCurrentTimestampFromTheContext() {
        sql.context().setProcessingTime(TS);
        assertEquals(TS, sql.eval("CURRENT_TIMESTAMP"));
    }

    @Test
    void shouldConvertFractionalEpochsAndCastInTheSessionZone() {
        assertEquals(1_500L, sql.eval("TO_TIMESTAMP_LTZ(dbl, 0)", named("dbl", 1.5)));
        assertEquals(1_500L, sql.eval("TO_TIMESTAMP_LTZ(a, 3)", named("a", 1_500)));
        SqlFixture tokyo = new SqlFixture().withZone("Asia/Tokyo");
        assertEquals("2024-03-05 23:30:15.250", tokyo.eval("CAST(ltz AS VARCHAR)", named("ltz", TS)));
        assertEquals(TS + 9 * 3_600_000L, tokyo.eval("CAST(ltz AS TIMESTAMP(3))", named("ltz", TS)));
        assertEquals("2024-03-05 14:30:15.250", sql.eval("CAST(ts AS VARCHAR)", named("ts", TS)));
        assertEquals("2024-03-05 14:30:15", sql.eval("CAST(CAST(ts AS TIMESTAMP(0)) AS VARCHAR)", named("ts", TS)));
    }
}
