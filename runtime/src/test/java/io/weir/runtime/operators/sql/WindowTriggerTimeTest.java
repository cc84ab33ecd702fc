package io.weir.runtime.operators.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WindowTriggerTimeTest {

    @Test
    void shouldFireAtTheLastMillisecondOfAnEpochWindow() {
        assertEquals(9_999, WindowTriggerTime.of(10_000, ZoneOffset.UTC));
        assertEquals(9_999, WindowTriggerTime.of(10_000, null));
    }

    @Test
    void shouldFireALocalTimeWindowAtTheInstantItsLocalEndPasses() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        long localEnd = LocalDateTime.of(2024, 1, 1, 18, 0, 10).toInstant(ZoneOffset.UTC).toEpochMilli();
        long instant = LocalDateTime.of(2024, 1, 1, 10, 0, 9, 999_000_000).toInstant(ZoneOffset.UTC).toEpochMilli();
        assertEquals(instant, WindowTriggerTime.of(localEnd, shanghai));
    }

    @Test
    void shouldAgreeWithTheShiftedSliceAssigner() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        SliceAssigner a = SliceAssigner.tumble(3_600_000, 0).withShiftTimeZone(berlin);
        long end = a.lastWindowEnd(a.assignSliceEnd(1_711_846_800_000L)); // around a DST change
        assertEquals(a.triggerTime(end), WindowTriggerTime.of(end, berlin));
    }
}
