package io.weir.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.CheckpointingOptions.CheckpointingMode;
import io.weir.checkpoint.CheckpointingOptions.ExternalizedCheckpointRetention;
import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.config.ConfigOptions;
import io.weir.checkpoint.config.Configuration;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckpointingOptionsTest {

    @Test
    void shouldDeclareEveryFlinkKeyOnce() {
        List<ConfigOption<?>> options = ConfigOptions.declaredIn(CheckpointingOptions.class);
        Set<String> keys = new HashSet<>();
        for (ConfigOption<?> o : options) {
            assertTrue(keys.add(o.key()), "duplicate " + o.key());
        }
        for (String k : List.of("interval", "mode", "timeout", "min-pause", "max-concurrent-checkpoints",
            "tolerable-failed-checkpoints", "num-retained", "externalized-checkpoint-retention", "storage", "dir",
            "savepoint-dir", "create-subdir", "data-inline-threshold", "write-buffer-size", "cleaner.parallel-mode",
            "incremental", "checkpoints-after-tasks-finish", "interval-during-backlog", "unaligned.enabled",
            "aligned-checkpoint-timeout", "unaligned.forced", "unaligned.interruptible-timers.enabled",
            "unaligned.max-subtasks-per-channel-state-file", "local-backup.enabled", "local-backup.dirs",
            "file-merging.enabled", "file-merging.across-checkpoint-boundary", "file-merging.max-file-size",
            "file-merging.max-space-amplification", "file-merging.pool-blocking")) {
            assertTrue(keys.contains("execution.checkpointing." + k), k);
        }
        assertTrue(keys.contains("execution.state-recovery.path"));
        assertTrue(keys.contains("restart-strategy.exponential-delay.jitter-factor"));
    }

    @Test
    void shouldHaveFlinkDefaults() {
        Configuration c = new Configuration();
        assertNull(c.get(CheckpointingOptions.INTERVAL));
        assertEquals(CheckpointingMode.EXACTLY_ONCE, c.get(CheckpointingOptions.MODE));
        assertEquals(Duration.ofMinutes(10), c.get(CheckpointingOptions.TIMEOUT));
        assertEquals(Duration.ZERO, c.get(CheckpointingOptions.MIN_PAUSE));
        assertEquals(1, c.get(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS));
        assertEquals(0, c.get(CheckpointingOptions.TOLERABLE_FAILED_CHECKPOINTS));
        assertEquals(1, c.get(CheckpointingOptions.NUM_RETAINED));
        assertEquals(ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS,
            c.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION));
        assertEquals(true, c.get(CheckpointingOptions.CREATE_CHECKPOINT_SUB_DIR));
        assertEquals(20 * 1024L, c.get(CheckpointingOptions.FS_SMALL_FILE_THRESHOLD));
        assertEquals(4096, c.get(CheckpointingOptions.FS_WRITE_BUFFER_SIZE));
        assertEquals(false, c.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS));
        assertEquals(true, c.get(CheckpointingOptions.CHECKPOINTS_AFTER_TASKS_FINISH));
        assertEquals(false, c.get(CheckpointingOptions.ENABLE_UNALIGNED));
        assertEquals(Duration.ZERO, c.get(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT));
        assertEquals(5, c.get(CheckpointingOptions.UNALIGNED_MAX_SUBTASKS_PER_CHANNEL_STATE_FILE));
        assertEquals(32L << 20, c.get(CheckpointingOptions.FILE_MERGING_MAX_FILE_SIZE));
        assertEquals(1.5, c.get(CheckpointingOptions.EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER));
    }

    @Test
    void whenOnlyOldSavepointPathIsSet_thenStateRecoveryPathReadsIt() {
        Configuration c = new Configuration().setString("execution.savepoint.path", "/tmp/chk-3");
        assertEquals("/tmp/chk-3", c.get(CheckpointingOptions.STATE_RECOVERY_PATH));
        c.setString("execution.state-recovery.path", "/tmp/chk-4");
        assertEquals("/tmp/chk-4", c.get(CheckpointingOptions.STATE_RECOVERY_PATH));
    }

    @Test
    void shouldParseFlinkValueSyntax() {
        Configuration c = new Configuration()
            .setString("execution.checkpointing.interval", "10 s")
            .setString("execution.checkpointing.mode", "at_least_once")
            .setString("execution.checkpointing.data-inline-threshold", "100kb")
            .setString("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        assertEquals(Duration.ofSeconds(10), c.get(CheckpointingOptions.INTERVAL));
        assertEquals(CheckpointingMode.AT_LEAST_ONCE, c.get(CheckpointingOptions.MODE));
        assertEquals(100 * 1024L, c.get(CheckpointingOptions.FS_SMALL_FILE_THRESHOLD));
        assertEquals(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION,
            c.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION));
    }
}
