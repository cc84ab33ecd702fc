package io.weir.checkpoint.barrier;

/**
 * Aligned exactly-once: barrier n arrived on some channels, which are blocked; waiting for the
 * rest. When the last arrives (or the last channel still owing one ends), the task snapshots,
 * forwards the barrier and every channel resumes. With an aligned-checkpoint timeout, passing it
 * switches to {@link CollectingBarriersUnaligned}.
 */
final class CollectingBarriers implements BarrierHandlerState {
    private final CheckpointBarrier barrier;

    CollectingBarriers(CheckpointBarrier barrier) {
        this.barrier = barrier;
    }

    @Override
    public BarrierHandlerState barrierReceived(CheckpointBarrierHandler.Controller c, int channel, CheckpointBarrier b) {
        if (c.allBarriersReceived()) {
            return complete(c);
        }
        c.block(channel);
        return this;
    }

    @Override
    public BarrierHandlerState channelFinished(CheckpointBarrierHandler.Controller c, int channel) {
        return c.allBarriersReceived() ? complete(c) : this;
    }

    /** Alignment took too long: snapshot now, unaligned; release the blocked channels; persist the others' data. */
    @Override
    public BarrierHandlerState alignmentTimeout(CheckpointBarrierHandler.Controller c, CheckpointBarrier b) {
        c.triggerSnapshot(barrier, true);
        c.unblockAll();
        c.persistChannelsOwingBarrier();
        return CollectingBarriersUnaligned.INSTANCE;
    }

    private BarrierHandlerState complete(CheckpointBarrierHandler.Controller c) {
        c.triggerSnapshot(barrier, false);
        c.finish(false);
        return WaitingForFirstBarrier.INSTANCE;
    }
}
