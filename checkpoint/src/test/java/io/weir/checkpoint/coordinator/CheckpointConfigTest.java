package io.weir.checkpoint.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.barrier.BarrierHandlingMode;
import io.weir.checkpoint.config.Configuration;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointConfigTest {

    private static CheckpointConfig config(String... kv) {
        Configuration c = new Configuration();
        for (int i = 0; i < kv.length; i += 2) {
            c.setString("execution.checkpointing." + kv[i], kv[i + 1]);
        }
        return CheckpointConfig.fromConfiguration(c);
    }

    private static String refused(String... kv) {
        return assertThrows(IllegalArgumentException.class, () -> config(kv)).getMessage();
    }

    @Test
    void whenIntervalUnset_thenCheckpointingIsOff() {
        assertFalse(config().isCheckpointingEnabled());
        CheckpointConfig on = config("interval", "5 s");
        assertTrue(on.isCheckpointingEnabled());
        assertEquals(Duration.ofSeconds(5), on.interval().orElseThrow());
    }

    @Test
    void whenUnalignedWithAtLeastOnce_thenRefusedNamingBothKeys() {
        String msg = refused("interval", "1 s", "unaligned.enabled", "true", "mode", "AT_LEAST_ONCE");
        assertTrue(msg.contains("exactly-once"), msg);
        assertTrue(msg.contains("'execution.checkpointing.unaligned.enabled' = 'true'"), msg);
        assertTrue(msg.contains("'execution.checkpointing.mode' = 'AT_LEAST_ONCE'"), msg);
    }

    @Test
    void whenUnalignedWithConcurrentCheckpoints_thenRefused() {
        String msg = refused("unaligned.enabled", "true", "max-concurrent-checkpoints", "2");
        assertTrue(msg.contains("execution.checkpointing.max-concurrent-checkpoints"), msg);
    }

    @Test
    void whenMinPauseWithConcurrentCheckpoints_thenRefused() {
        String msg = refused("min-pause", "1 s", "max-concurrent-checkpoints", "3");
        assertTrue(msg.contains("execution.checkpointing.min-pause"), msg);
        assertEquals(3, config("max-concurrent-checkpoints", "3").maxConcurrentCheckpoints());
    }

    @Test
    void whenBacklogIntervalBelowInterval_thenRefused_butZeroOrLargerAccepted() {
        String msg = refused("interval", "10 s", "interval-during-backlog", "5 s");
        assertTrue(msg.contains("interval-during-backlog"), msg);
        assertEquals(Duration.ZERO, config("interval", "10 s", "interval-during-backlog", "0").intervalDuringBacklog().orElseThrow());
        assertEquals(Duration.ofMinutes(1), config("interval", "10 s", "interval-during-backlog", "1 min")
            .intervalDuringBacklog().orElseThrow());
        assertEquals(Duration.ofSeconds(10), config("interval", "10 s").intervalDuringBacklog().orElseThrow());
    }

    @Test
    void whenInlineThresholdAboveOneMegabyte_thenRefused() {
        assertTrue(refused("data-inline-threshold", "2 mb").contains("data-inline-threshold"));
        assertEquals(1L << 20, config("data-inline-threshold", "1 mb").inlineThresholdBytes());
    }

    @Test
    void whenValuesOutOfRange_thenRefusedNamingTheKey() {
        for (Map.Entry<String, String> bad : Map.of("interval", "5 ms", "timeout", "1 ms", "max-concurrent-checkpoints", "0",
            "tolerable-failed-checkpoints", "-1", "num-retained", "0", "write-buffer-size", "-1").entrySet()) {
            String msg = refused(bad.getKey(), bad.getValue());
            assertTrue(msg.contains("'execution.checkpointing." + bad.getKey() + "'"), msg);
        }
    }

    @Test
    void whenFileMergingAmplificationBelowOne_thenRefused() {
        assertTrue(config("file-merging.enabled", "true").isFileMergingEnabled());
        String msg = refused("file-merging.max-space-amplification", "0.5");
        assertTrue(msg.contains("execution.checkpointing.file-merging.max-space-amplification"), msg);
        assertFalse(config().isCleanerParallelMode() == false, "cleaner.parallel-mode defaults to true");
    }

    @Test
    void shouldDeriveBarrierHandlingModeFromModeAndUnalignedOptions() {
        assertEquals(BarrierHandlingMode.ALIGNED, BarrierHandlingMode.of(config()));
        assertEquals(BarrierHandlingMode.AT_LEAST_ONCE, BarrierHandlingMode.of(config("mode", "AT_LEAST_ONCE")));
        assertEquals(BarrierHandlingMode.UNALIGNED, BarrierHandlingMode.of(config("unaligned.enabled", "true")));
        assertEquals(BarrierHandlingMode.ALIGNED_THEN_UNALIGNED,
            BarrierHandlingMode.of(config("unaligned.enabled", "true", "aligned-checkpoint-timeout", "2 s")));
    }
}
