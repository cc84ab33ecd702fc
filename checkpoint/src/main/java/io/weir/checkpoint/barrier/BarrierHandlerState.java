package io.weir.checkpoint.barrier;

/**
 * One state of barrier handling (Flink's {@code BarrierHandlerState}): each event returns the next
 * state. The {@link CheckpointBarrierHandler} dispatches events, after handling what all states
 * share (obsolete and newer barriers, cancellation). States are stateless singletons or hold only
 * what their checkpoint needs.
 */
interface BarrierHandlerState {

    /** Barrier of the current checkpoint on {@code channel} (the handler already recorded it). */
    BarrierHandlerState barrierReceived(CheckpointBarrierHandler.Controller c, int channel, CheckpointBarrier barrier);

    /** {@code channel} ended; it owes no more barriers. */
    BarrierHandlerState channelFinished(CheckpointBarrierHandler.Controller c, int channel);

    /** The aligned-checkpoint timeout of the current checkpoint passed. */
    default BarrierHandlerState alignmentTimeout(CheckpointBarrierHandler.Controller c, CheckpointBarrier barrier) {
        return this;
    }

    /** A name for logs and tests. */
    default String name() {
        return getClass().getSimpleName();
    }
}
