package io.weir.checkpoint.coordinator.restart;

/** {@code restart-strategy.type: fixed-delay}: up to {@code attempts} restarts, each after {@code delay}. */
public final class FixedDelayRestartStrategy implements RestartStrategy {
    private final int maxAttempts;
    private final long delayMillis;
    private int attempts;

    public FixedDelayRestartStrategy(int maxAttempts, long delayMillis) {
        if (maxAttempts < 0 || delayMillis < 0) {
            throw new IllegalArgumentException("fixed-delay needs attempts >= 0 and delay >= 0");
        }
        this.maxAttempts = maxAttempts;
        this.delayMillis = delayMillis;
    }

    @Override
    public RestartDecision onFailure(long nowMillis) {
        attempts++;
        if (attempts > maxAttempts) {
            return RestartDecision.giveUp("fixed-delay restart strategy exhausted its " + maxAttempts
                + " attempts ('restart-strategy.fixed-delay.attempts')");
        }
        return RestartDecision.restartAfter(delayMillis);
    }

    @Override
    public String describe() {
        return "fixed-delay(attempts=" + maxAttempts + ", delay=" + delayMillis + " ms)";
    }
}
