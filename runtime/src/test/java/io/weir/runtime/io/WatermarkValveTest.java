package io.weir.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WatermarkValveTest {
    private static final long NONE = WatermarkValve.NO_CHANGE;

    @Test
    void shouldEmitTheMinimumAcrossChannelsAndNeverGoBack() {
        WatermarkValve v = new WatermarkValve(2);
        assertEquals(NONE, v.onWatermark(0, 10));
        assertEquals(5, v.onWatermark(1, 5));
        assertEquals(10, v.onWatermark(1, 20));
        assertEquals(NONE, v.onWatermark(0, 8), "a channel going back does not move the output");
        assertEquals(20, v.onWatermark(0, 30));
    }

    @Test
    void whenAChannelIsIdle_thenItDoesNotHoldBackUntilItIsActiveAgain() {
        WatermarkValve v = new WatermarkValve(2);
        v.onWatermark(0, 100);
        assertEquals(100, v.onIdle(1));
        assertEquals(200, v.onWatermark(0, 200));
        v.onActive(1);
        assertEquals(NONE, v.onWatermark(0, 300), "channel 1 is active again at MIN and holds back");
        assertEquals(300, v.onWatermark(1, 400));
        assertFalse(v.isIdle());
        v.onIdle(0);
        v.onIdle(1);
        assertTrue(v.isIdle());
    }

    @Test
    void whenAChannelEnds_thenTheOthersDecide() {
        WatermarkValve v = new WatermarkValve(2);
        v.onWatermark(0, 7);
        assertEquals(7, v.onEnd(1));
        assertEquals(Long.MAX_VALUE, v.onWatermark(0, Long.MAX_VALUE));
    }
}
