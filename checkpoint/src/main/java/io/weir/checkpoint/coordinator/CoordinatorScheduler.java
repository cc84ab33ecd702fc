package io.weir.checkpoint.coordinator;

/**
 * Runs delayed actions on the coordinator thread (the one thread that calls every
 * {@link CheckpointCoordinator} method). The runtime backs it with a single-threaded scheduled
 * executor; tests with a manual scheduler that runs due actions when its clock advances.
 */
public interface CoordinatorScheduler {

    /** A scheduled action that can be cancelled. */
    interface Cancellable {
        void cancel();
    }

    Cancellable schedule(Runnable action, long delayMillis);
}
