package io.weir.checkpoint.coordinator.restart;

import java.util.ArrayDeque;

/**
 * {@code restart-strategy.type: failure-rate}: restarts after {@code delay} unless more than
 * {@code max-failures-per-interval} failures fell within one {@code failure-rate-interval}.
 */
public final class FailureRateRestartStrategy implements RestartStrategy {
    private final int maxFailuresPerInterval;
    private final long intervalMillis;
    private final long delayMillis;
    private final ArrayDeque<Long> failureTimestamps = new ArrayDeque<>();

    public FailureRateRestartStrategy(int maxFailuresPerInterval, long intervalMillis, long delayMillis) {
        if (maxFailuresPerInterval < 1 || intervalMillis <= 0 || delayMillis < 0) {
            throw new IllegalArgumentException("failure-rate needs max-failures-per-interval >= 1, interval > 0, delay >= 0");
        }
        this.maxFailuresPerInterval = maxFailuresPerInterval;
        this.intervalMillis = intervalMillis;
        this.delayMillis = delayMillis;
    }

    @Override
    public RestartDecision onFailure(long nowMillis) {
        failureTimestamps.addLast(nowMillis);
        while (!failureTimestamps.isEmpty() && nowMillis - failureTimestamps.peekFirst() >= intervalMillis) {
            failureTimestamps.removeFirst();
        }
        if (failureTimestamps.size() > maxFailuresPerInterval) {
            return RestartDecision.giveUp("failure-rate restart strategy: " + failureTimestamps.size() + " failures within "
                + intervalMillis + " ms exceed 'restart-strategy.failure-rate.max-failures-per-interval' = " + maxFailuresPerInterval);
        }
        return RestartDecision.restartAfter(delayMillis);
    }

    @Override
    public String describe() {
        return "failure-rate(max-failures-per-interval=" + maxFailuresPerInterval + ", interval=" + intervalMillis
            + " ms, delay=" + delayMillis + " ms)";
    }
}
