package io.weir.checkpoint.coordinator;

import static io.weir.checkpoint.CheckpointingOptions.*;

import io.weir.checkpoint.CheckpointingOptions.CheckpointingMode;
import io.weir.checkpoint.CheckpointingOptions.ExternalizedCheckpointRetention;
import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.config.Configuration;
import java.time.Duration;
import java.util.Optional;

/**
 * The validated checkpointing settings of one job, read from a {@link Configuration}. Building one
 * refuses invalid combinations with Flink's reasons, in an {@link IllegalArgumentException} that
 * names the keys involved. Immutable; safe to share between threads.
 */
public final class CheckpointConfig {
    /** Flink's lower bound for the interval and the timeout. */
    public static final Duration MINIMAL_CHECKPOINT_TIME = Duration.ofMillis(10);
    /** Upper bound of {@code data-inline-threshold}. */
    public static final long MAX_INLINE_THRESHOLD = 1L << 20;

    private final Duration interval;
    private final CheckpointingMode mode;
    private final Duration timeout;
    private final Duration minPause;
    private final int maxConcurrent;
    private final int tolerableFailures;
    private final Duration intervalDuringBacklog;
    private final boolean checkpointsAfterTasksFinish;
    private final int numRetained;
    private final ExternalizedCheckpointRetention retention;
    private final boolean unaligned;
    private final Duration alignedCheckpointTimeout;
    private final boolean forceUnaligned;
    private final boolean interruptibleTimers;
    private final int maxSubtasksPerChannelStateFile;
    private final boolean incremental;
    private final long inlineThreshold;
    private final boolean localBackup;
    private final boolean fileMerging;
    private final boolean parallelCleanup;

    private CheckpointConfig(Configuration c) {
        interval = c.get(INTERVAL);
        mode = c.get(MODE);
        timeout = c.get(TIMEOUT);
        minPause = c.get(MIN_PAUSE);
        maxConcurrent = c.get(MAX_CONCURRENT_CHECKPOINTS);
        tolerableFailures = c.get(TOLERABLE_FAILED_CHECKPOINTS);
        intervalDuringBacklog = c.get(INTERVAL_DURING_BACKLOG);
        checkpointsAfterTasksFinish = c.get(CHECKPOINTS_AFTER_TASKS_FINISH);
        numRetained = c.get(NUM_RETAINED);
        retention = c.get(EXTERNALIZED_CHECKPOINT_RETENTION);
        unaligned = c.get(ENABLE_UNALIGNED);
        alignedCheckpointTimeout = c.get(ALIGNED_CHECKPOINT_TIMEOUT);
        forceUnaligned = c.get(FORCE_UNALIGNED);
        interruptibleTimers = c.get(ENABLE_UNALIGNED_INTERRUPTIBLE_TIMERS);
        maxSubtasksPerChannelStateFile = c.get(UNALIGNED_MAX_SUBTASKS_PER_CHANNEL_STATE_FILE);
        incremental = c.get(INCREMENTAL_CHECKPOINTS);
        inlineThreshold = c.get(FS_SMALL_FILE_THRESHOLD);
        localBackup = c.get(LOCAL_BACKUP_ENABLED);
        fileMerging = c.get(FILE_MERGING_ENABLED);
        parallelCleanup = c.get(CLEANER_PARALLEL_MODE);
    }

    /** Reads and validates; throws {@link IllegalArgumentException} naming the offending keys. */
    public static CheckpointConfig fromConfiguration(Configuration configuration) {
        CheckpointConfig config = new CheckpointConfig(configuration);
        config.validate(configuration);
        return config;
    }

    private void validate(Configuration c) {
        if (interval != null) {
            check(interval.compareTo(MINIMAL_CHECKPOINT_TIME) >= 0, "Checkpoint interval must be larger than or equal to "
                + MINIMAL_CHECKPOINT_TIME.toMillis() + " ms", c, INTERVAL);
        }
        check(timeout.compareTo(MINIMAL_CHECKPOINT_TIME) >= 0, "Checkpoint timeout must be larger than or equal to "
            + MINIMAL_CHECKPOINT_TIME.toMillis() + " ms", c, TIMEOUT);
        check(maxConcurrent >= 1, "The maximum number of concurrent attempts must be at least one", c, MAX_CONCURRENT_CHECKPOINTS);
        check(tolerableFailures >= 0, "The tolerable failure checkpoint number must be non-negative", c, TOLERABLE_FAILED_CHECKPOINTS);
        check(numRetained >= 1, "The number of retained checkpoints must be at least one", c, NUM_RETAINED);
        check(minPause.isZero() || maxConcurrent == 1, "A minimum pause between checkpoints allows only one concurrent checkpoint",
            c, MIN_PAUSE, MAX_CONCURRENT_CHECKPOINTS);
        check(!unaligned || mode == CheckpointingMode.EXACTLY_ONCE,
            "Unaligned checkpoints are supported only with exactly-once checkpointing mode", c, ENABLE_UNALIGNED, MODE);
        check(!unaligned || maxConcurrent == 1,
            "Unaligned checkpoints are supported only with at most one concurrent checkpoint", c, ENABLE_UNALIGNED, MAX_CONCURRENT_CHECKPOINTS);
        if (intervalDuringBacklog != null && !intervalDuringBacklog.isZero() && interval != null) {
            check(intervalDuringBacklog.compareTo(interval) >= 0,
                "Checkpoint interval during backlog must be 0 (no checkpoints during backlog) or larger than or equal to the interval",
                c, INTERVAL_DURING_BACKLOG, INTERVAL);
        }
        check(inlineThreshold <= MAX_INLINE_THRESHOLD, "The inline threshold must be at most 1 mb (" + MAX_INLINE_THRESHOLD + " bytes)",
            c, FS_SMALL_FILE_THRESHOLD);
        check(c.get(FS_WRITE_BUFFER_SIZE) >= 0, "The write buffer size must be zero or larger", c, FS_WRITE_BUFFER_SIZE);
        check(maxSubtasksPerChannelStateFile >= 1, "At least one subtask per channel-state file is needed",
            c, UNALIGNED_MAX_SUBTASKS_PER_CHANNEL_STATE_FILE);
        check(c.get(FILE_MERGING_MAX_SPACE_AMPLIFICATION) >= 1, "The maximum space amplification must be at least 1",
            c, FILE_MERGING_MAX_SPACE_AMPLIFICATION);
        check(c.get(FILE_MERGING_MAX_FILE_SIZE) > 0, "The maximum merged file size must be positive", c, FILE_MERGING_MAX_FILE_SIZE);
    }

    private static void check(boolean ok, String reason, Configuration c, ConfigOption<?>... keys) {
        if (ok) {
            return;
        }
        StringBuilder msg = new StringBuilder("Invalid checkpointing configuration: ").append(reason).append(" (");
        for (int i = 0; i < keys.length; i++) {
            String raw = c.getString(keys[i].key());
            msg.append(i == 0 ? "" : ", ").append('\'').append(keys[i].key()).append("' = ")
                .append(raw != null ? "'" + raw + "'" : "'" + keys[i].defaultValue() + "' (default)");
        }
        throw new IllegalArgumentException(msg.append(')').toString());
    }

    /** Whether periodic checkpoints are on ({@code execution.checkpointing.interval} set). */
    public boolean isCheckpointingEnabled() { return interval != null; }
    public Optional<Duration> interval() { return Optional.ofNullable(interval); }
    public CheckpointingMode mode() { return mode; }
    public boolean isExactlyOnce() { return mode == CheckpointingMode.EXACTLY_ONCE; }
    public Duration timeout() { return timeout; }
    public Duration minPause() { return minPause; }
    public int maxConcurrentCheckpoints() { return maxConcurrent; }
    public int tolerableFailedCheckpoints() { return tolerableFailures; }

    /** The interval while a source reports backlog: the configured one, else the normal interval. Zero means none. */
    public Optional<Duration> intervalDuringBacklog() {
        return Optional.ofNullable(intervalDuringBacklog != null ? intervalDuringBacklog : interval);
    }

    public boolean checkpointsAfterTasksFinish() { return checkpointsAfterTasksFinish; }
    public int numRetained() { return numRetained; }
    public ExternalizedCheckpointRetention externalizedRetention() { return retention; }
    public boolean isUnalignedEnabled() { return unaligned; }
    public Duration alignedCheckpointTimeout() { return alignedCheckpointTimeout; }
    public boolean isUnalignedForced() { return forceUnaligned; }
    public boolean isInterruptibleTimersEnabled() { return interruptibleTimers; }
    public int maxSubtasksPerChannelStateFile() { return maxSubtasksPerChannelStateFile; }
    public boolean isIncremental() { return incremental; }
    public long inlineThresholdBytes() { return inlineThreshold; }
    public boolean isLocalBackupEnabled() { return localBackup; }

    /** {@code file-merging.enabled}: state files of checkpoints are segments of shared physical files. */
    public boolean isFileMergingEnabled() { return fileMerging; }

    /** {@code cleaner.parallel-mode}: discard a subsumed checkpoint's operator states as separate I/O tasks. */
    public boolean isCleanerParallelMode() { return parallelCleanup; }
}
