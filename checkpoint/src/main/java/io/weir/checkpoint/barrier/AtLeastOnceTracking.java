package io.weir.checkpoint.barrier;

import io.weir.checkpoint.coordinator.CheckpointFailureReason;
import java.util.BitSet;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * At-least-once: no channel is ever blocked, so records after barrier n on a fast channel are
 * processed before the snapshot of n and are replayed again after a restore (duplicates, never
 * loss). The snapshot of n is taken when the last channel delivers barrier n. Since nothing
 * blocks, barriers of several checkpoints can be in flight; when n completes, older incomplete
 * ones can never complete and are aborted (subsumed). Flink's {@code CheckpointBarrierTracker}.
 */
final class AtLeastOnceTracking implements BarrierHandlerState {
    private static final class Pending {
        final CheckpointBarrier barrier;
        final BitSet channels = new BitSet();
        final long firstBarrierTime;
        long bytesProcessed;

        Pending(CheckpointBarrier barrier, long now) {
            this.barrier = barrier;
            this.firstBarrierTime = now;
        }
    }

    private final TreeMap<Long, Pending> pending = new TreeMap<>();
    private final java.util.TreeSet<Long> cancelled = new java.util.TreeSet<>();
    private long highestDone;

    @Override
    public BarrierHandlerState barrierReceived(CheckpointBarrierHandler.Controller c, int channel, CheckpointBarrier barrier) {
        long id = barrier.checkpointId();
        if (id <= highestDone || cancelled.contains(id)) {
            return this;
        }
        Pending p = pending.computeIfAbsent(id, k -> new Pending(barrier, c.input().currentTimeMillis()));
        p.channels.set(channel);
        completeReady(c);
        return this;
    }

    @Override
    public BarrierHandlerState channelFinished(CheckpointBarrierHandler.Controller c, int channel) {
        completeReady(c);
        return this;
    }

    void onData(long bytes) {
        for (Pending p : pending.values()) {
            p.bytesProcessed += bytes;
        }
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Abandons {@code checkpointId} (cancellation marker or abort). */
    void cancel(CheckpointBarrierHandler.Controller c, long checkpointId) {
        if (checkpointId <= highestDone || !cancelled.add(checkpointId)) {
            return;
        }
        pending.remove(checkpointId);
        c.input().abortCheckpointOnBarrier(checkpointId, CheckpointFailureReason.CHECKPOINT_DECLINED, "cancelled");
    }

    private void completeReady(CheckpointBarrierHandler.Controller c) {
        Pending ready = null;
        for (Pending p : pending.values()) {
            if (complete(c, p)) {
                ready = p; // the newest complete one wins
            }
        }
        if (ready == null) {
            return;
        }
        long id = ready.barrier.checkpointId();
        for (Iterator<Map.Entry<Long, Pending>> it = pending.headMap(id, true).entrySet().iterator(); it.hasNext(); ) {
            Pending p = it.next().getValue();
            it.remove();
            if (p != ready) {
                c.input().abortCheckpointOnBarrier(p.barrier.checkpointId(), CheckpointFailureReason.CHECKPOINT_SUBSUMED,
                    "checkpoint " + id + " completed first");
            }
        }
        highestDone = id;
        cancelled.headSet(id, true).clear();
        c.input().triggerCheckpointOnBarrier(ready.barrier, false);
        long duration = c.input().currentTimeMillis() - ready.firstBarrierTime;
        c.input().allBarriersReceived(id, new AlignmentMetrics(duration, ready.bytesProcessed, 0, false));
    }

    private static boolean complete(CheckpointBarrierHandler.Controller c, Pending p) {
        for (int ch = 0; ch < c.input().numberOfChannels(); ch++) {
            if (!p.channels.get(ch) && !c.isClosed(ch)) {
                return false;
            }
        }
        return true;
    }
}
