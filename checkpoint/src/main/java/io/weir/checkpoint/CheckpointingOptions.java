package io.weir.checkpoint;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.config.ConfigOptions;
import java.time.Duration;

/**
 * Every checkpointing, recovery and restart-strategy option, with Flink's key, type and default,
 * so that a user's Flink settings carry over unchanged. {@code CheckpointConfig} and
 * {@code RestartStrategies} (package {@code io.weir.checkpoint.coordinator}) read them and refuse
 * invalid combinations.
 */
public final class CheckpointingOptions {
    private CheckpointingOptions() {
    }

    /** Flink's {@code CheckpointingMode}. */
    public enum CheckpointingMode { EXACTLY_ONCE, AT_LEAST_ONCE }

    /** Flink's {@code ExternalizedCheckpointRetention}. */
    public enum ExternalizedCheckpointRetention {
        /** Retained checkpoints are deleted when the job is cancelled or finishes. */
        DELETE_ON_CANCELLATION,
        /** Retained checkpoints are kept when the job is cancelled. */
        RETAIN_ON_CANCELLATION,
        /** Checkpoints are not externalized: deleted when the job terminates in any way. */
        NO_EXTERNALIZED_CHECKPOINTS
    }

    private static final String P = "execution.checkpointing.";

    // ---- triggering ----
    public static final ConfigOption<Duration> INTERVAL = ConfigOptions.key(P + "interval").durationType(null)
        .withDescription("Interval between checkpoint triggers; checkpointing is off when unset.");
    public static final ConfigOption<CheckpointingMode> MODE = ConfigOptions.key(P + "mode")
        .enumType(CheckpointingMode.class, CheckpointingMode.EXACTLY_ONCE)
        .withDescription("EXACTLY_ONCE (aligned or unaligned barriers) or AT_LEAST_ONCE (no alignment).");
    public static final ConfigOption<Duration> TIMEOUT = ConfigOptions.key(P + "timeout").durationType(Duration.ofMinutes(10))
        .withDescription("A checkpoint not complete after this time is aborted.");
    public static final ConfigOption<Duration> MIN_PAUSE = ConfigOptions.key(P + "min-pause").durationType(Duration.ZERO)
        .withDescription("Minimal pause between the end of one checkpoint and the trigger of the next.");
    public static final ConfigOption<Integer> MAX_CONCURRENT_CHECKPOINTS = ConfigOptions.key(P + "max-concurrent-checkpoints").intType(1)
        .withDescription("How many checkpoints may be in progress at the same time.");
    public static final ConfigOption<Integer> TOLERABLE_FAILED_CHECKPOINTS = ConfigOptions.key(P + "tolerable-failed-checkpoints").intType(0)
        .withDescription("Consecutive checkpoint failures tolerated before the job fails over.");
    public static final ConfigOption<Duration> INTERVAL_DURING_BACKLOG = ConfigOptions.key(P + "interval-during-backlog").durationType(null)
        .withDescription("Interval while a source reports backlog; 0 disables checkpoints during backlog; unset uses interval.");
    public static final ConfigOption<Boolean> CHECKPOINTS_AFTER_TASKS_FINISH = ConfigOptions.key(P + "checkpoints-after-tasks-finish").booleanType(true)
        .withDescription("Keep checkpointing after some tasks finished (needed for a final commit by two-phase-commit sinks).");

    // ---- retention and storage ----
    public static final ConfigOption<Integer> NUM_RETAINED = ConfigOptions.key(P + "num-retained").intType(1)
        .withDescription("Number of completed checkpoints to retain.");
    public static final ConfigOption<ExternalizedCheckpointRetention> EXTERNALIZED_CHECKPOINT_RETENTION =
        ConfigOptions.key(P + "externalized-checkpoint-retention")
            .enumType(ExternalizedCheckpointRetention.class, ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS)
            .withDescription("What happens to retained checkpoints when the job is cancelled.");
    public static final ConfigOption<String> CHECKPOINT_STORAGE = ConfigOptions.key(P + "storage").stringType(null)
        .withDescription("'jobmanager' (in memory) or 'filesystem'; unset: filesystem when a dir is set, else jobmanager.");
    public static final ConfigOption<String> CHECKPOINTS_DIRECTORY = ConfigOptions.key(P + "dir").stringType(null)
        .withFallbackKeys("state.checkpoints.dir")
        .withDescription("Directory (plain path or file:// URI) for checkpoint data and metadata.");
    public static final ConfigOption<String> SAVEPOINT_DIRECTORY = ConfigOptions.key(P + "savepoint-dir").stringType(null)
        .withFallbackKeys("state.savepoints.dir")
        .withDescription("Default directory for savepoints.");
    public static final ConfigOption<Boolean> CREATE_CHECKPOINT_SUB_DIR = ConfigOptions.key(P + "create-subdir").booleanType(true)
        .withDescription("Put checkpoints under <dir>/<job-id>/ rather than directly under <dir>.");
    public static final ConfigOption<Long> FS_SMALL_FILE_THRESHOLD = ConfigOptions.key(P + "data-inline-threshold").memoryType(20L << 10)
        .withDescription("State smaller than this is stored inline in _metadata (at most 1 mb).");
    public static final ConfigOption<Integer> FS_WRITE_BUFFER_SIZE = ConfigOptions.key(P + "write-buffer-size").intType(4096)
        .withDescription("Write buffer size of checkpoint file streams.");
    public static final ConfigOption<Boolean> CLEANER_PARALLEL_MODE = ConfigOptions.key(P + "cleaner.parallel-mode").booleanType(true)
        .withDescription("Discard a subsumed checkpoint's state in parallel.");
    public static final ConfigOption<Boolean> INCREMENTAL_CHECKPOINTS = ConfigOptions.key(P + "incremental").booleanType(false)
        .withDescription("Upload only the RocksDB files that no retained checkpoint holds yet.");

    // ---- unaligned ----
    public static final ConfigOption<Boolean> ENABLE_UNALIGNED = ConfigOptions.key(P + "unaligned.enabled").booleanType(false)
        .withDescription("Barriers overtake in-flight data, which is persisted as channel state (exactly-once only).");
    public static final ConfigOption<Duration> ALIGNED_CHECKPOINT_TIMEOUT = ConfigOptions.key(P + "aligned-checkpoint-timeout").durationType(Duration.ZERO)
        .withDescription("With unaligned enabled: start aligned and switch to unaligned after this time; 0 = unaligned at once.");
    public static final ConfigOption<Boolean> FORCE_UNALIGNED = ConfigOptions.key(P + "unaligned.forced").booleanType(false)
        .withDescription("Use unaligned checkpoints even where they are normally disabled (e.g. pointwise partitioners).");
    public static final ConfigOption<Boolean> ENABLE_UNALIGNED_INTERRUPTIBLE_TIMERS =
        ConfigOptions.key(P + "unaligned.interruptible-timers.enabled").booleanType(false)
            .withDescription("Fire timers in small groups through the mailbox so a barrier can be taken in between.");
    public static final ConfigOption<Integer> UNALIGNED_MAX_SUBTASKS_PER_CHANNEL_STATE_FILE =
        ConfigOptions.key(P + "unaligned.max-subtasks-per-channel-state-file").intType(5)
            .withDescription("How many subtasks share one channel-state file.");

    // ---- local recovery ----
    public static final ConfigOption<Boolean> LOCAL_BACKUP_ENABLED = ConfigOptions.key(P + "local-backup.enabled").booleanType(false)
        .withDescription("Keep a local copy of task state and restore from it when intact.");
    public static final ConfigOption<String> LOCAL_BACKUP_DIRS = ConfigOptions.key(P + "local-backup.dirs").stringType(null)
        .withDescription("Directories for local copies, separated by ',', ';' or the path separator.");

    // ---- file merging ----
    public static final ConfigOption<Boolean> FILE_MERGING_ENABLED = ConfigOptions.key(P + "file-merging.enabled").booleanType(false)
        .withDescription("Merge small checkpoint files into larger physical files.");
    public static final ConfigOption<Boolean> FILE_MERGING_ACROSS_BOUNDARY = ConfigOptions.key(P + "file-merging.across-checkpoint-boundary").booleanType(false)
        .withDescription("Allow one physical file to hold data of several checkpoints.");
    public static final ConfigOption<Long> FILE_MERGING_MAX_FILE_SIZE = ConfigOptions.key(P + "file-merging.max-file-size").memoryType(32L << 20)
        .withDescription("Maximum size of a merged physical file.");
    public static final ConfigOption<Double> FILE_MERGING_MAX_SPACE_AMPLIFICATION = ConfigOptions.key(P + "file-merging.max-space-amplification").doubleType(2.0)
        .withDescription("Space amplification above which merged files are compacted; below 1 disables it.");
    public static final ConfigOption<Boolean> FILE_MERGING_POOL_BLOCKING = ConfigOptions.key(P + "file-merging.pool-blocking").booleanType(false)
        .withDescription("Whether a writer waits for a free physical file rather than opening a new one.");

    // ---- recovery ----
    public static final ConfigOption<String> STATE_RECOVERY_PATH = ConfigOptions.key("execution.state-recovery.path").stringType(null)
        .withFallbackKeys("execution.savepoint.path")
        .withDescription("Checkpoint or savepoint (chk-n directory or its _metadata) to start the job from.");
    public static final ConfigOption<Boolean> STATE_RECOVERY_IGNORE_UNCLAIMED_STATE =
        ConfigOptions.key("execution.state-recovery.ignore-unclaimed-state").booleanType(false)
            .withFallbackKeys("execution.savepoint.ignore-unclaimed-state")
            .withDescription("Allow state in the checkpoint that maps to no operator of the job.");

    // ---- restart strategies ----
    public static final ConfigOption<String> RESTART_STRATEGY_TYPE = ConfigOptions.key("restart-strategy.type").stringType(null)
        .withDescription("none, fixed-delay, failure-rate or exponential-delay; unset: exponential-delay with checkpointing, else none.");
    public static final ConfigOption<Integer> FIXED_DELAY_ATTEMPTS = ConfigOptions.key("restart-strategy.fixed-delay.attempts").intType(1);
    public static final ConfigOption<Duration> FIXED_DELAY_DELAY = ConfigOptions.key("restart-strategy.fixed-delay.delay").durationType(Duration.ofSeconds(1));
    public static final ConfigOption<Integer> FAILURE_RATE_MAX_FAILURES_PER_INTERVAL =
        ConfigOptions.key("restart-strategy.failure-rate.max-failures-per-interval").intType(1);
    public static final ConfigOption<Duration> FAILURE_RATE_INTERVAL =
        ConfigOptions.key("restart-strategy.failure-rate.failure-rate-interval").durationType(Duration.ofMinutes(1));
    public static final ConfigOption<Duration> FAILURE_RATE_DELAY = ConfigOptions.key("restart-strategy.failure-rate.delay").durationType(Duration.ofSeconds(1));
    public static final ConfigOption<Duration> EXPONENTIAL_DELAY_INITIAL_BACKOFF =
        ConfigOptions.key("restart-strategy.exponential-delay.initial-backoff").durationType(Duration.ofSeconds(1));
    public static final ConfigOption<Duration> EXPONENTIAL_DELAY_MAX_BACKOFF =
        ConfigOptions.key("restart-strategy.exponential-delay.max-backoff").durationType(Duration.ofMinutes(1));
    public static final ConfigOption<Double> EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER =
        ConfigOptions.key("restart-strategy.exponential-delay.backoff-multiplier").doubleType(1.5);
    public static final ConfigOption<Duration> EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD =
        ConfigOptions.key("restart-strategy.exponential-delay.reset-backoff-threshold").durationType(Duration.ofHours(1));
    public static final ConfigOption<Double> EXPONENTIAL_DELAY_JITTER_FACTOR =
        ConfigOptions.key("restart-strategy.exponential-delay.jitter-factor").doubleType(0.1);
    public static final ConfigOption<Integer> EXPONENTIAL_DELAY_ATTEMPTS =
        ConfigOptions.key("restart-strategy.exponential-delay.attempts-before-reset-backoff").intType(Integer.MAX_VALUE);
}
