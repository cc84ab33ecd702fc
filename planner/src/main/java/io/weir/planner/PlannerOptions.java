package io.weir.planner;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.config.ConfigOptions;

import java.time.Duration;

/** The planner's options (Flink's keys), read from the session's {@code Configuration}. */
public final class PlannerOptions {
    private PlannerOptions() {
    }

    /** Default parallelism of operators without their own. Flink's {@code parallelism.default}. */
    public static final ConfigOption<Integer> PARALLELISM_DEFAULT = ConfigOptions.key("parallelism.default")
        .intType(1).withDescription("Parallelism of every operator except VALUES and global (non-grouped) aggregations.");

    /** Number of key groups; upper bound of rescaling. */
    public static final ConfigOption<Integer> MAX_PARALLELISM = ConfigOptions.key("pipeline.max-parallelism")
        .intType(128).withDescription("Number of key groups of keyed operators (the maximum parallelism).");

    /** Parallelism of SQL operators; -1 = {@code parallelism.default}. */
    public static final ConfigOption<Integer> RESOURCE_DEFAULT_PARALLELISM =
        ConfigOptions.key("table.exec.resource.default-parallelism").intType(-1)
            .withDescription("Parallelism of SQL operators; -1 uses parallelism.default.");

    public static final ConfigOption<Boolean> MINI_BATCH_ENABLED = ConfigOptions.key("table.exec.mini-batch.enabled")
        .booleanType(false).withDescription("Buffer input rows of group aggregations and use local-global aggregation.");

    public static final ConfigOption<Duration> MINI_BATCH_ALLOW_LATENCY =
        ConfigOptions.key("table.exec.mini-batch.allow-latency").durationType(Duration.ZERO)
            .withDescription("Longest time a mini-batch buffers rows; required > 0 when mini-batch is enabled.");

    public static final ConfigOption<Long> MINI_BATCH_SIZE = ConfigOptions.key("table.exec.mini-batch.size")
        .longType(-1L).withDescription("Most rows a mini-batch buffers; required > 0 when mini-batch is enabled.");

    /** Idle state retention of unbounded operators (group aggregation); 0 = forever. */
    public static final ConfigOption<Duration> STATE_TTL = ConfigOptions.key("table.exec.state.ttl")
        .durationType(Duration.ZERO).withDescription("Minimum time state of an idle key is kept; 0 keeps it forever.");

    public static final ConfigOption<Duration> SOURCE_IDLE_TIMEOUT = ConfigOptions.key("table.exec.source.idle-timeout")
        .durationType(Duration.ZERO).withDescription("A source split without rows for this long is idle for watermarks; 0 disables.");

    public static final ConfigOption<String> LOCAL_TIME_ZONE = ConfigOptions.key("table.local-time-zone")
        .stringType("default").withDescription("Session time zone of TIMESTAMP_LTZ values; 'default' is the JVM's.");

    public static final ConfigOption<Boolean> DML_SYNC = ConfigOptions.key("table.dml-sync").booleanType(false)
        .withDescription("Wait for INSERT jobs to finish (the client reads it).");

    public static final ConfigOption<Duration> AUTO_WATERMARK_INTERVAL =
        ConfigOptions.key("pipeline.auto-watermark-interval").durationType(Duration.ofMillis(200))
            .withDescription("How often watermark assigners emit watermarks.");
}
