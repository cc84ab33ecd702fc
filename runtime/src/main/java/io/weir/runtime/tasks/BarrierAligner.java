package io.weir.runtime.tasks;

import io.weir.runtime.io.CheckpointBarrier;
import io.weir.runtime.io.InputGate;

/**
 * Aligned exactly-once barrier handling: a channel that delivered barrier {@code n} is blocked
 * until every channel that has not ended delivered it too; then the task snapshots and forwards the
 * barrier, and the channels are unblocked. A newer barrier abandons an unfinished older alignment.
 * Task thread only.
 *
 * <p>Maintenance notes: this is the minimal handler the runtime needs to carry barriers in band;
 * the checkpointing issue replaces it with explicit handler states (aligned, unaligned,
 * at-least-once, aligned timeout) behind the same two calls.
 */
final class BarrierAligner {
    private final InputGate gate;
    private final boolean[] received;
    private long pendingId = -1;
    private long pendingTimestamp;
    private int receivedCount;

    BarrierAligner(InputGate gate) {
        this.gate = gate;
        this.received = new boolean[gate.numberOfChannels()];
    }

    /** A barrier arrived on {@code channel}; true when the checkpoint is aligned and must be taken now. */
    boolean onBarrier(int channel, CheckpointBarrier barrier) {
        if (barrier.id() < pendingId) {
            return false;
        }
        if (barrier.id() > pendingId) {
            pendingId = barrier.id();
            pendingTimestamp = barrier.timestamp();
            java.util.Arrays.fill(received, false);
            receivedCount = 0;
            gate.unblockAll();
        }
        if (!received[channel]) {
            received[channel] = true;
            receivedCount++;
            gate.block(channel);
        }
        return checkComplete();
    }

    /** The channel ended; true if that completes a pending alignment. */
    boolean onEndOfInput(int channel) {
        return pendingId >= 0 && receivedCount > 0 && checkComplete();
    }

    private boolean checkComplete() {
        for (int c = 0; c < received.length; c++) {
            if (!received[c] && !gate.isEnded(c)) {
                return false;
            }
        }
        receivedCount = 0;
        java.util.Arrays.fill(received, false);
        return true;
    }

    long pendingCheckpointId() {
        return pendingId;
    }

    long pendingTimestamp() {
        return pendingTimestamp;
    }
}
