package io.weir.runtime;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.config.ConfigOptions;
import java.time.Duration;

/** The runtime's configuration options (Flink's keys where Flink has the concept). */
public final class RuntimeOptions {

    public static final ConfigOption<Integer> PARALLELISM_DEFAULT = ConfigOptions.key("parallelism.default")
        .intType(1)
        .withDescription("Parallelism of operators that do not set their own.");

    public static final ConfigOption<Integer> MAX_PARALLELISM = ConfigOptions.key("pipeline.max-parallelism")
        .intType(128)
        .withDescription("Number of key groups: the upper bound for rescaling keyed state.");

    /**
     * 100 ms, Flink's default: a batch that is not full leaves after at most this long, so a slow
     * stream still shows results promptly while a fast one ships full batches. 0 flushes after
     * every row (lowest latency, most overhead).
     */
    public static final ConfigOption<Duration> BUFFER_TIMEOUT = ConfigOptions.key("execution.buffer-timeout")
        .durationType(Duration.ofMillis(100))
        .withDescription("Longest time rows wait in a partly filled batch before it is sent downstream (0: flush every row).");

    public static final ConfigOption<Integer> BATCH_SIZE = ConfigOptions.key("execution.batch-size")
        .intType(512)
        .withDescription("Rows per batch between tasks; a full batch is sent at once.");

    public static final ConfigOption<Integer> CHANNEL_CAPACITY = ConfigOptions.key("execution.channel-capacity")
        .intType(8)
        .withDescription("Batches a channel between two subtasks holds before its producer blocks (backpressure).");

    public static final ConfigOption<Duration> AUTO_WATERMARK_INTERVAL = ConfigOptions.key("pipeline.auto-watermark-interval")
        .durationType(Duration.ofMillis(200))
        .withDescription("How often sources emit watermarks (0 disables periodic watermarks).");

    public static final ConfigOption<Duration> SOURCE_IDLE_TIMEOUT = ConfigOptions.key("table.exec.source.idle-timeout")
        .durationType(Duration.ZERO)
        .withDescription("A source split (or input channel) without rows for this long is idle and no longer holds back "
            + "watermarks, until it produces again (0: never idle).");

    public static final ConfigOption<Integer> TIMER_FIRING_BATCH_SIZE = ConfigOptions.key("execution.timers.firing-batch-size")
        .intType(1000)
        .withDescription("Event-time timers fired per mailbox step when a watermark passes many of them; "
            + "a checkpoint or a processing-time timer can run between two steps.");

    private RuntimeOptions() {
    }
}
