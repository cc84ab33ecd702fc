package io.weir.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class TimestampUnitsTest {
    private static final LocalDateTime T = LocalDateTime.of(2020, 1, 1, 0, 0, 0, 123_456_789);

    @Test
    void shouldPickTheUnitByPrecision() {
        assertEquals(1_000L, TimestampUnits.unitsPerSecond(0));
        assertEquals(1_000L, TimestampUnits.unitsPerSecond(3));
        assertEquals(1_000_000L, TimestampUnits.unitsPerSecond(4));
        assertEquals(1_000_000L, TimestampUnits.unitsPerSecond(6));
        assertEquals(1_000_000_000L, TimestampUnits.unitsPerSecond(7));
        assertEquals(1_000_000_000L, TimestampUnits.unitsPerSecond(9));
    }

    @Test
    void shouldConvertLocalDateTimesDroppingDigitsBelowThePrecision() {
        assertEquals(1_577_836_800_123L, TimestampUnits.fromLocalDateTime(T, 3));
        assertEquals(1_577_836_800_123_456L, TimestampUnits.fromLocalDateTime(T, 6));
        assertEquals(1_577_836_800_123_400L, TimestampUnits.fromLocalDateTime(T, 4));
        assertEquals(1_577_836_800_123_456_789L, TimestampUnits.fromLocalDateTime(T, 9));
        assertEquals(1_577_836_800_000L, TimestampUnits.fromLocalDateTime(T, 0));
        assertEquals(T.withNano(123_456_000), TimestampUnits.toLocalDateTime(1_577_836_800_123_456L, 6));
        assertEquals(T, TimestampUnits.toLocalDateTime(1_577_836_800_123_456_789L, 9));
    }

    @Test
    void shouldRescaleWithFloorBeforeTheEpoch() {
        assertEquals(-1L, TimestampUnits.rescale(-1L, 6, 3)); // 1969-12-31 23:59:59.999999 -> .999
        assertEquals(-1_000L, TimestampUnits.rescale(-1L, 3, 6));
        assertEquals(-1_000L, TimestampUnits.rescale(-1L, 3, 0));
        assertEquals(1_577_836_800_123_000L, TimestampUnits.rescale(1_577_836_800_123L, 3, 6));
        assertEquals(1_577_836_800_123_456L, TimestampUnits.rescale(1_577_836_800_123_456_789L, 9, 6));
        assertEquals(1_577_836_800_123L, TimestampUnits.toMillis(1_577_836_800_123_456L, 6));
        assertEquals(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000), TimestampUnits.toLocalDateTime(-1L, 6));
    }

    @Test
    void shouldConvertInstants() {
        Instant i = Instant.ofEpochSecond(1_577_836_800L, 123_456_789);
        assertEquals(1_577_836_800_123_456L, TimestampUnits.fromInstant(i, 6));
        assertEquals(i, TimestampUnits.toInstant(TimestampUnits.fromInstant(i, 9), 9));
    }

    @Test
    void shouldPrintExactlyPrecisionFractionDigits() {
        assertEquals("123456", TimestampUnits.fraction(1_577_836_800_123_456L, 6));
        assertEquals("1234", TimestampUnits.fraction(1_577_836_800_123_456L, 4));
        assertEquals("123456000", TimestampUnits.fraction(1_577_836_800_123_456_000L, 9));
        assertEquals("999999", TimestampUnits.fraction(-1L, 6));
        assertEquals("", TimestampUnits.fraction(5L, 0));
    }

    @Test
    void whenOutsideTheNanosecondRange_thenErrorNamesValueAndType() {
        ArithmeticException e = assertThrows(ArithmeticException.class,
            () -> TimestampUnits.fromLocalDateTime(LocalDateTime.of(2300, 1, 1, 0, 0), 9));
        assertTrue(e.getMessage().contains("2300-01-01T00:00") && e.getMessage().contains("TIMESTAMP(9)"),
            e.getMessage());
        ArithmeticException up = assertThrows(ArithmeticException.class,
            () -> TimestampUnits.rescale(TimestampUnits.fromLocalDateTime(LocalDateTime.of(1600, 1, 1, 0, 0), 6), 6, 9));
        assertTrue(up.getMessage().contains("1600-01-01T00:00") && up.getMessage().contains("TIMESTAMP(9)"),
            up.getMessage());
    }
}
