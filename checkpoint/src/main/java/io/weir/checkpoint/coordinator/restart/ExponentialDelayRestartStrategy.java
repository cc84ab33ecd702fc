package io.weir.checkpoint.coordinator.restart;

import java.util.random.RandomGenerator;

/**
 * {@code restart-strategy.type: exponential-delay}: the first restart waits {@code initial-backoff};
 * each further one multiplies the backoff by {@code backoff-multiplier}, capped at {@code max-backoff};
 * after the job ran {@code reset-backoff-threshold} without failing the backoff starts again at the
 * initial value. Each delay is moved by a random jitter of up to {@code jitter-factor} times the
 * backoff, either way. {@code attempts-before-reset-backoff} bounds the restarts between two resets.
 *
 * <p>Maintenance note: as in Flink, the stable time before a failure is measured from the end of the
 * previous backoff (last failure + backoff), not from the failure itself.
 */
public final class ExponentialDelayRestartStrategy implements RestartStrategy {
    private final long initialBackoff;
    private final long maxBackoff;
    private final double multiplier;
    private final long resetThreshold;
    private final double jitterFactor;
    private final int maxAttempts;
    private final RandomGenerator random;

    private long currentBackoff;
    private long lastFailure = Long.MIN_VALUE;
    private int attempts;

    public ExponentialDelayRestartStrategy(long initialBackoffMillis, long maxBackoffMillis, double multiplier,
                                           long resetThresholdMillis, double jitterFactor, int maxAttempts,
                                           RandomGenerator random) {
        if (initialBackoffMillis < 1 || maxBackoffMillis < initialBackoffMillis) {
            throw new IllegalArgumentException("exponential-delay needs 1 ms <= initial-backoff <= max-backoff");
        }
        if (multiplier < 1 || jitterFactor < 0 || jitterFactor > 1 || resetThresholdMillis < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("exponential-delay needs backoff-multiplier >= 1, 0 <= jitter-factor <= 1, "
                + "reset-backoff-threshold >= 1 ms and attempts-before-reset-backoff >= 1");
        }
        this.initialBackoff = initialBackoffMillis;
        this.maxBackoff = maxBackoffMillis;
        this.multiplier = multiplier;
        this.resetThreshold = resetThresholdMillis;
        this.jitterFactor = jitterFactor;
        this.maxAttempts = maxAttempts;
        this.random = random;
    }

    @Override
    public RestartDecision onFailure(long nowMillis) {
        boolean first = lastFailure == Long.MIN_VALUE;
        if (first || nowMillis - (lastFailure + currentBackoff) >= resetThreshold) {
            currentBackoff = initialBackoff;
            attempts = 0;
        } else {
            currentBackoff = Math.min(maxBackoff, Math.max(initialBackoff, (long) (currentBackoff * multiplier)));
        }
        lastFailure = nowMillis;
        attempts++;
        if (attempts > maxAttempts) {
            return RestartDecision.giveUp("exponential-delay restart strategy exhausted "
                + "'restart-strategy.exponential-delay.attempts-before-reset-backoff' = " + maxAttempts);
        }
        return RestartDecision.restartAfter(Math.max(0, currentBackoff + jitter(currentBackoff)));
    }

    /** The backoff before jitter that the last failure got (for tests and metrics). */
    public long currentBackoffMillis() {
        return currentBackoff;
    }

    private long jitter(long backoff) {
        long offset = (long) (backoff * jitterFactor);
        return offset == 0 ? 0 : random.nextLong(-offset, offset + 1);
    }

    @Override
    public String describe() {
        return "exponential-delay(initial-backoff=" + initialBackoff + " ms, max-backoff=" + maxBackoff + " ms, multiplier="
            + multiplier + ", reset-backoff-threshold=" + resetThreshold + " ms, jitter-factor=" + jitterFactor + ")";
    }
}
