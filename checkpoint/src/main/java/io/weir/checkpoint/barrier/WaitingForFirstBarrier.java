package io.weir.checkpoint.barrier;

/**
 * No checkpoint in progress (exactly-once modes). The first barrier of checkpoint n decides how n
 * proceeds: aligned (block its channel and collect), unaligned (snapshot at once and persist the
 * other channels' in-flight data), or aligned with a timeout (collect aligned; unaligned at once
 * when the timeout already passed).
 */
final class WaitingForFirstBarrier implements BarrierHandlerState {
    static final WaitingForFirstBarrier INSTANCE = new WaitingForFirstBarrier();

    private WaitingForFirstBarrier() {
    }

    @Override
    public BarrierHandlerState barrierReceived(CheckpointBarrierHandler.Controller c, int channel, CheckpointBarrier barrier) {
        CheckpointBarrierHandler.Alignment alignment = c.alignment(barrier);
        boolean unaligned = alignment == CheckpointBarrierHandler.Alignment.UNALIGNED
            || (alignment == CheckpointBarrierHandler.Alignment.ALIGNED_WITH_TIMEOUT && c.alignmentAlreadyTimedOut(barrier));
        if (unaligned) {
            c.triggerSnapshot(barrier, true);
            if (c.allBarriersReceived()) {
                c.finish(true);
                return this;
            }
            c.persistChannelsOwingBarrier();
            return CollectingBarriersUnaligned.INSTANCE;
        }
        if (c.allBarriersReceived()) {
            c.triggerSnapshot(barrier, false);
            c.finish(false);
            return this;
        }
        c.block(channel);
        return new CollectingBarriers(barrier);
    }

    @Override
    public BarrierHandlerState channelFinished(CheckpointBarrierHandler.Controller c, int channel) {
        return this;
    }
}
