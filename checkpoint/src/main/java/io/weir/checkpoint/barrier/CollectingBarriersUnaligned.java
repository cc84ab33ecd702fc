package io.weir.checkpoint.barrier;

/**
 * Unaligned: the snapshot of checkpoint n is taken; nothing is blocked. Each channel still owing
 * barrier n has its in-flight data persisted as channel state until its barrier arrives (or it
 * ends); then the checkpoint's input side is complete.
 */
final class CollectingBarriersUnaligned implements BarrierHandlerState {
    static final CollectingBarriersUnaligned INSTANCE = new CollectingBarriersUnaligned();

    private CollectingBarriersUnaligned() {
    }

    @Override
    public BarrierHandlerState barrierReceived(CheckpointBarrierHandler.Controller c, int channel, CheckpointBarrier barrier) {
        c.stopPersisting(channel);
        return finishIfComplete(c);
    }

    @Override
    public BarrierHandlerState channelFinished(CheckpointBarrierHandler.Controller c, int channel) {
        c.stopPersisting(channel);
        return finishIfComplete(c);
    }

    private BarrierHandlerState finishIfComplete(CheckpointBarrierHandler.Controller c) {
        if (c.allBarriersReceived()) {
            c.finish(true);
            return WaitingForFirstBarrier.INSTANCE;
        }
        return this;
    }
}
