package io.weir.checkpoint.coordinator.restart;

import static io.weir.checkpoint.CheckpointingOptions.*;

import io.weir.checkpoint.config.Configuration;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** Builds the {@link RestartStrategy} that {@code restart-strategy.*} describes. */
public final class RestartStrategies {
    private RestartStrategies() {
    }

    /**
     * The configured strategy. Without {@code restart-strategy.type}, as in Flink: exponential-delay
     * when checkpointing is on, none otherwise.
     *
     * @throws IllegalArgumentException for an unknown type or invalid parameters, naming the key
     */
    public static RestartStrategy fromConfiguration(Configuration c, boolean checkpointingEnabled, RandomGenerator random) {
        String type = c.get(RESTART_STRATEGY_TYPE);
        if (type == null) {
            type = checkpointingEnabled ? "exponential-delay" : "none";
        }
        try {
            return create(type.trim().toLowerCase(Locale.ROOT), c, random);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid restart strategy ('" + RESTART_STRATEGY_TYPE.key() + "' = '" + type + "'): "
                + e.getMessage(), e);
        }
    }

    private static RestartStrategy create(String type, Configuration c, RandomGenerator random) {
        switch (type) {
            case "none": case "off": case "disable":
                return new NoRestartStrategy();
            case "fixed-delay": case "fixeddelay":
                return new FixedDelayRestartStrategy(c.get(FIXED_DELAY_ATTEMPTS), c.get(FIXED_DELAY_DELAY).toMillis());
            case "failure-rate": case "failurerate":
                return new FailureRateRestartStrategy(c.get(FAILURE_RATE_MAX_FAILURES_PER_INTERVAL),
                    c.get(FAILURE_RATE_INTERVAL).toMillis(), c.get(FAILURE_RATE_DELAY).toMillis());
            case "exponential-delay": case "exponentialdelay":
                return new ExponentialDelayRestartStrategy(c.get(EXPONENTIAL_DELAY_INITIAL_BACKOFF).toMillis(),
                    c.get(EXPONENTIAL_DELAY_MAX_BACKOFF).toMillis(), c.get(EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER),
                    c.get(EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD).toMillis(), c.get(EXPONENTIAL_DELAY_JITTER_FACTOR),
                    c.get(EXPONENTIAL_DELAY_ATTEMPTS), random);
            default:
                throw new IllegalArgumentException("unknown type, expected one of none, fixed-delay, failure-rate, exponential-delay");
        }
    }
}
