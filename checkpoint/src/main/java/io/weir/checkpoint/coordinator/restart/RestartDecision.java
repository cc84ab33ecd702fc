package io.weir.checkpoint.coordinator.restart;

/**
 * What a {@link RestartStrategy} decided about one failure: restart after {@code delayMillis}, or
 * give up (the job fails) with a reason naming the strategy's limit.
 */
public record RestartDecision(boolean restart, long delayMillis, String reason) {

    public static RestartDecision restartAfter(long delayMillis) {
        return new RestartDecision(true, delayMillis, "");
    }

    public static RestartDecision giveUp(String reason) {
        return new RestartDecision(false, -1, reason);
    }
}
