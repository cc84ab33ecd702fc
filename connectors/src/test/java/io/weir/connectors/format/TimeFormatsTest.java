package io.weir.connectors.format;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class TimeFormatsTest {
    private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    @Test
    void shouldAgreeWithJavaTimeOnRandomInstantsAcrossCenturies() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 20_000; i++) {
            long millis = r.nextLong(-2_208_988_800_000L, 4_102_444_800_000L); // 1900 .. 2100
            LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000,
                ZoneOffset.UTC);
            String text = t.format(SQL);
            assertEquals(text, TimeFormats.formatTimestamp(millis, false));
            assertEquals(millis, TimeFormats.parseTimestamp(text, false));
            assertEquals(millis, TimeFormats.parseTimestamp(text.replace(' ', 'T') + "Z", true));
            int day = (int) t.toLocalDate().toEpochDay();
            assertEquals(day, TimeFormats.parseDate(t.toLocalDate().toString()));
            assertEquals(t.toLocalDate().toString(), TimeFormats.appendDate(new StringBuilder(), day).toString());
        }
    }

    @Test
    void shouldAcceptShortFormsAndRejectBadOnes() {
        assertEquals(LocalDate.of(2024, 2, 29).toEpochDay() * 86_400_000L + 3_600_000L + 120_000L,
            TimeFormats.parseTimestamp("2024-02-29 01:02", false));
        assertEquals(1_500, TimeFormats.parseTime("00:00:01.5"));
        assertEquals(123, TimeFormats.parseTimestamp("1970-01-01 00:00:00.123456789", false));
        for (String bad : new String[] {"2024-13-01 00:00:00", "2024-01-01T00:00:00", "2024-01-01 25:00:00", "2024/01/01 00:00:00", "x"}) {
            assertThrows(IllegalArgumentException.class, () -> TimeFormats.parseTimestamp(bad, false), bad);
        }
    }

    @Test
    void shouldParseAndPrintTimestampsInTheirPrecisionsUnit() {
        String text = "2020-01-01 00:00:00.123456789";
        assertEquals(1_577_836_800_123L, TimeFormats.parseTimestamp(text, false, 3));
        assertEquals(1_577_836_800_123_456L, TimeFormats.parseTimestamp(text, false, 6));
        assertEquals(1_577_836_800_123_456_789L, TimeFormats.parseTimestamp(text.replace(' ', 'T') + "Z", true, 9));
        assertEquals(-1L, TimeFormats.parseTimestamp("1969-12-31 23:59:59.999999", false, 6));
        assertEquals("2020-01-01 00:00:00.123456",
            TimeFormats.appendTimestamp(new StringBuilder(), 1_577_836_800_123_456L, false, 6).toString());
        assertEquals("2020-01-01T00:00:00.1234567",
            TimeFormats.appendTimestamp(new StringBuilder(), 1_577_836_800_123_456_789L, true, 7).toString());
        assertEquals("1969-12-31 23:59:59.999999", TimeFormats.formatTimestamp(-1L, false, 6));
        assertEquals("2020-01-01 00:00:00.123", TimeFormats.formatTimestamp(1_577_836_800_123L, false, 3));
    }

    @Test
    void whenNanosecondTimestampOutOfRange_thenErrorNamesTextAndType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> TimeFormats.parseTimestamp("2300-01-01 00:00:00", false, 9));
        assertTrue(e.getMessage().contains("2300-01-01 00:00:00") && e.getMessage().contains("TIMESTAMP(9)"),
            e.getMessage());
    }
}
