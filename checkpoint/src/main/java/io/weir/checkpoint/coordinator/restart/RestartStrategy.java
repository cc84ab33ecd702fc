package io.weir.checkpoint.coordinator.restart;

/**
 * A pure restart policy: told of each job failure with its time, it decides whether to restart
 * and after which delay. The job's failover logic (in {@code runtime/}) calls
 * {@link #onFailure(long)} once per failure, on the single thread that handles failures, and
 * honours the decision. Implementations keep the failure history they need and are not thread-safe.
 */
public interface RestartStrategy {

    /** Records a failure at {@code nowMillis} and decides what to do about it. */
    RestartDecision onFailure(long nowMillis);

    /** The strategy's name with its parameters, for logs and errors. */
    String describe();
}
