package io.weir.checkpoint.coordinator.restart;

/** {@code restart-strategy.type: none}: every failure fails the job. */
public final class NoRestartStrategy implements RestartStrategy {
    @Override
    public RestartDecision onFailure(long nowMillis) {
        return RestartDecision.giveUp("restart strategy 'none' does not restart");
    }

    @Override
    public String describe() {
        return "none";
    }
}
