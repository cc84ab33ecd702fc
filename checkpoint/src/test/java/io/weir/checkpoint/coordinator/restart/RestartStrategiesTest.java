package io.weir.checkpoint.coordinator.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RestartStrategiesTest {

    @Test
    void whenTypeUnset_thenExponentialDelayWithCheckpointingElseNone() {
        Configuration c = new Configuration();
        assertInstanceOf(ExponentialDelayRestartStrategy.class, RestartStrategies.fromConfiguration(c, true, new Random(1)));
        assertInstanceOf(NoRestartStrategy.class, RestartStrategies.fromConfiguration(c, false, new Random(1)));
    }

    @Test
    void whenTypeUnknown_thenErrorNamesKeyAndValidTypes() {
        Configuration c = new Configuration().setString("restart-strategy.type", "sometimes");
        String msg = assertThrows(IllegalArgumentException.class,
            () -> RestartStrategies.fromConfiguration(c, true, new Random(1))).getMessage();
        assertTrue(msg.contains("restart-strategy.type") && msg.contains("fixed-delay"), msg);
    }

    @Test
    void shouldNeverRestartWithNone() {
        assertFalse(new NoRestartStrategy().onFailure(0).restart());
    }

    @Test
    void shouldRestartFixedDelayUpToAttempts() {
        Configuration c = new Configuration().setString("restart-strategy.type", "fixed-delay")
            .setString("restart-strategy.fixed-delay.attempts", "2").setString("restart-strategy.fixed-delay.delay", "3 s");
        RestartStrategy s = RestartStrategies.fromConfiguration(c, true, new Random(1));
        assertEquals(RestartDecision.restartAfter(3000), s.onFailure(0));
        assertEquals(RestartDecision.restartAfter(3000), s.onFailure(100_000));
        RestartDecision third = s.onFailure(200_000);
        assertFalse(third.restart());
        assertTrue(third.reason().contains("restart-strategy.fixed-delay.attempts"), third.reason());
    }

    @Test
    void shouldGiveUpWhenFailureRateExceededWithinInterval() {
        FailureRateRestartStrategy s = new FailureRateRestartStrategy(2, 60_000, 500);
        assertTrue(s.onFailure(0).restart());
        assertTrue(s.onFailure(10_000).restart());
        assertEquals(500, s.onFailure(60_000).delayMillis()); // the failure at 0 left the window
        assertFalse(s.onFailure(65_000).restart()); // 10s, 60s, 65s: three within one minute
    }

    @Test
    void shouldGrowExponentialBackoffUpToMaximum() {
        ExponentialDelayRestartStrategy s = new ExponentialDelayRestartStrategy(1000, 5000, 2.0, 3_600_000, 0, Integer.MAX_VALUE,
            new Random(1));
        long now = 0;
        long[] expected = {1000, 2000, 4000, 5000, 5000};
        for (long e : expected) {
            RestartDecision d = s.onFailure(now);
            assertEquals(e, d.delayMillis());
            now += d.delayMillis() + 10;
        }
    }

    @Test
    void whenJobRanStablyForThreshold_thenBackoffResets() {
        ExponentialDelayRestartStrategy s = new ExponentialDelayRestartStrategy(1000, 60_000, 2.0, 10_000, 0, Integer.MAX_VALUE,
            new Random(1));
        assertEquals(1000, s.onFailure(0).delayMillis());
        assertEquals(2000, s.onFailure(1_500).delayMillis());
        // restarted at 3_500; failing 9_999 ms after that is not stable enough
        assertEquals(4000, s.onFailure(13_499).delayMillis());
        // restarted at 17_499; 10 s after that counts as stable: back to the initial backoff
        assertEquals(1000, s.onFailure(27_499).delayMillis());
    }

    @Test
    void shouldGiveUpAfterAttemptsBeforeReset() {
        ExponentialDelayRestartStrategy s = new ExponentialDelayRestartStrategy(10, 100, 2.0, 10_000, 0, 2, new Random(1));
        assertTrue(s.onFailure(0).restart());
        assertTrue(s.onFailure(20).restart());
        assertFalse(s.onFailure(60).restart());
    }

    @Test
    void shouldSpreadDelaysWithinJitterBounds() {
        Set<Long> seen = new HashSet<>();
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            ExponentialDelayRestartStrategy s = new ExponentialDelayRestartStrategy(1000, 60_000, 1.5, 3_600_000, 0.1, 10, random);
            long delay = s.onFailure(0).delayMillis();
            assertTrue(delay >= 900 && delay <= 1100, "delay " + delay);
            seen.add(delay);
        }
        assertTrue(seen.size() > 50, "jitter should vary the delay, saw " + seen.size() + " values");
    }
}
