package io.weir.checkpoint.barrier;

import io.weir.checkpoint.coordinator.CheckpointFailureReason;
import io.weir.checkpoint.coordinator.CoordinatorScheduler;
import io.weir.checkpoint.metadata.CheckpointKind;
import java.util.BitSet;
import java.util.Objects;

/**
 * Handles the checkpoint barriers of one task's input channels. The task thread feeds it every
 * barrier, cancellation marker, end of a channel and (for metrics) the size of every buffer it
 * takes; the handler drives the {@link CheckpointableInput} through the current
 * {@link BarrierHandlerState}.
 *
 * <p>What all states share is handled here: barriers of checkpoints that already finished or were
 * aborted are ignored; a barrier of a newer checkpoint while one is in progress aborts the older
 * (Flink: "subsumed"); a cancellation marker aborts its checkpoint; a channel that ended owes no
 * barriers any more. At-least-once tracks several checkpoints at once (no channel is ever blocked,
 * so barriers of n+1 can arrive before all of n); the exactly-once modes handle one at a time.
 *
 * <p>Not thread-safe: task thread only.
 */
public final class CheckpointBarrierHandler {
    private final CheckpointableInput input;
    private final BarrierHandlingMode mode;
    private final long alignedTimeoutMillis;
    private final Controller controller = new Controller();
    private final BitSet closedChannels = new BitSet();
    private BarrierHandlerState state;

    // the checkpoint in progress (exactly-once modes)
    private CheckpointBarrier current;
    private final BitSet received = new BitSet();
    private final BitSet blocked = new BitSet();
    private final BitSet persisting = new BitSet();
    private long firstBarrierTime;
    private long snapshotTime;
    private long bytesProcessed;
    private long bytesPersisted;
    private CoordinatorScheduler.Cancellable timeoutTimer;
    private long highestFinishedOrAborted;

    /**
     * @param alignedTimeoutMillis {@code execution.checkpointing.aligned-checkpoint-timeout}; used in
     *                             {@link BarrierHandlingMode#ALIGNED_THEN_UNALIGNED}
     */
    public CheckpointBarrierHandler(CheckpointableInput input, BarrierHandlingMode mode, long alignedTimeoutMillis) {
        this.input = Objects.requireNonNull(input, "input");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.alignedTimeoutMillis = alignedTimeoutMillis;
        this.state = mode == BarrierHandlingMode.AT_LEAST_ONCE ? new AtLeastOnceTracking() : WaitingForFirstBarrier.INSTANCE;
    }

    /** Barrier {@code barrier} arrived on {@code channel}. */
    public void processBarrier(CheckpointBarrier barrier, int channel) {
        checkChannel(channel);
        if (mode == BarrierHandlingMode.AT_LEAST_ONCE) {
            state = state.barrierReceived(controller, channel, barrier);
            return;
        }
        long id = barrier.checkpointId();
        if (id <= highestFinishedOrAborted || (current != null && id < current.checkpointId())) {
            return; // obsolete: finished, aborted or subsumed already
        }
        if (current != null && id > current.checkpointId()) {
            controller.abortCurrent(CheckpointFailureReason.CHECKPOINT_SUBSUMED,
                "barrier of checkpoint " + id + " arrived before checkpoint " + current.checkpointId() + " was aligned");
        }
        if (current == null) {
            begin(barrier);
        }
        if (received.get(channel)) {
            throw new IllegalStateException("second barrier " + id + " on channel " + channel);
        }
        received.set(channel);
        state = state.barrierReceived(controller, channel, barrier);
    }

    /** An upstream task abandoned checkpoint {@code checkpointId} (a cancellation marker arrived on {@code channel}). */
    public void processCancellationBarrier(long checkpointId, int channel) {
        checkChannel(channel);
        if (mode == BarrierHandlingMode.AT_LEAST_ONCE) {
            ((AtLeastOnceTracking) state).cancel(controller, checkpointId);
            return;
        }
        if (checkpointId <= highestFinishedOrAborted) {
            return;
        }
        if (current != null && checkpointId >= current.checkpointId()) {
            controller.abortCurrent(checkpointId == current.checkpointId() ? CheckpointFailureReason.CHECKPOINT_DECLINED
                : CheckpointFailureReason.CHECKPOINT_SUBSUMED, "cancellation marker for checkpoint " + checkpointId);
        }
        if (checkpointId > highestFinishedOrAborted) {
            highestFinishedOrAborted = checkpointId;
            input.abortCheckpointOnBarrier(checkpointId, CheckpointFailureReason.CHECKPOINT_DECLINED,
                "cancellation marker on channel " + channel);
        }
    }

    /** The task was told that checkpoint {@code checkpointId} is aborted (by the coordinator or itself). */
    public void abortCheckpoint(long checkpointId, String detail) {
        if (mode == BarrierHandlingMode.AT_LEAST_ONCE) {
            ((AtLeastOnceTracking) state).cancel(controller, checkpointId);
        } else if (current != null && current.checkpointId() == checkpointId) {
            controller.abortCurrent(CheckpointFailureReason.CHECKPOINT_DECLINED, detail);
        } else {
            highestFinishedOrAborted = Math.max(highestFinishedOrAborted, checkpointId);
        }
    }

    /** {@code channel} ended (end of partition): it delivers no more barriers and no longer counts for alignment. */
    public void processEndOfPartition(int channel) {
        checkChannel(channel);
        if (closedChannels.get(channel)) {
            return;
        }
        closedChannels.set(channel);
        state = state.channelFinished(controller, channel);
    }

    /** The task took a buffer of {@code bytes} from {@code channel} (for the alignment metrics). */
    public void onData(int channel, long bytes) {
        if (blocked.get(channel)) {
            throw new IllegalStateException("input taken from blocked channel " + channel + " during alignment of checkpoint "
                + current.checkpointId());
        }
        if (current != null) {
            bytesProcessed += bytes;
            if (persisting.get(channel)) {
                bytesPersisted += bytes;
            }
        }
        if (state instanceof AtLeastOnceTracking t) {
            t.onData(bytes);
        }
    }

    /** The current state's name (for logs and tests). */
    public String stateName() {
        return state.name();
    }

    /** True while some checkpoint has barriers outstanding at this task (any mode). */
    public boolean isCheckpointInProgress() {
        return state instanceof AtLeastOnceTracking t ? t.hasPending() : current != null;
    }

    /** The checkpoint being aligned, or -1 (exactly-once modes). */
    public long currentCheckpointId() {
        return current == null ? -1 : current.checkpointId();
    }

    public boolean isBlocked(int channel) {
        return blocked.get(channel);
    }

    private void begin(CheckpointBarrier barrier) {
        current = barrier;
        received.clear();
        firstBarrierTime = input.currentTimeMillis();
        snapshotTime = -1;
        bytesProcessed = 0;
        bytesPersisted = 0;
        if (alignment(barrier) == Alignment.ALIGNED_WITH_TIMEOUT) {
            long delay = Math.max(0, alignedTimeoutMillis - (firstBarrierTime - barrier.timestamp()));
            if (delay > 0) {
                timeoutTimer = input.registerTimer(() -> onAlignmentTimeout(barrier), delay);
            }
        }
    }

    private void onAlignmentTimeout(CheckpointBarrier barrier) {
        timeoutTimer = null;
        if (current != null && current.checkpointId() == barrier.checkpointId()) {
            state = state.alignmentTimeout(controller, barrier);
        }
    }

    private Alignment alignment(CheckpointBarrier barrier) {
        if (barrier.kind() == CheckpointKind.SAVEPOINT || mode == BarrierHandlingMode.ALIGNED) {
            return Alignment.ALIGNED;
        }
        if (mode == BarrierHandlingMode.UNALIGNED) {
            return Alignment.UNALIGNED;
        }
        return Alignment.ALIGNED_WITH_TIMEOUT;
    }

    private void checkChannel(int channel) {
        if (channel < 0 || channel >= input.numberOfChannels()) {
            throw new IndexOutOfBoundsException("channel " + channel + " of " + input.numberOfChannels());
        }
    }

    /** How the current checkpoint starts. */
    enum Alignment { ALIGNED, UNALIGNED, ALIGNED_WITH_TIMEOUT }

    /** The operations states use; one instance per handler. */
    final class Controller {
        CheckpointableInput input() {
            return input;
        }

        Alignment alignment(CheckpointBarrier barrier) {
            return CheckpointBarrierHandler.this.alignment(barrier);
        }

        /** Whether the first barrier came after the aligned timeout had already passed. */
        boolean alignmentAlreadyTimedOut(CheckpointBarrier barrier) {
            return input.currentTimeMillis() - barrier.timestamp() >= alignedTimeoutMillis;
        }

        boolean allBarriersReceived() {
            for (int ch = 0; ch < input.numberOfChannels(); ch++) {
                if (!received.get(ch) && !closedChannels.get(ch)) {
                    return false;
                }
            }
            return true;
        }

        boolean isClosed(int channel) {
            return closedChannels.get(channel);
        }

        void block(int channel) {
            blocked.set(channel);
            input.blockChannel(channel);
        }

        void unblockAll() {
            if (!blocked.isEmpty()) {
                blocked.clear();
                input.unblockAllChannels();
            }
        }

        void triggerSnapshot(CheckpointBarrier barrier, boolean unaligned) {
            snapshotTime = input.currentTimeMillis();
            input.triggerCheckpointOnBarrier(barrier, unaligned);
        }

        /** Unaligned: persist what every channel still owing the barrier delivers until it comes. */
        void persistChannelsOwingBarrier() {
            for (int ch = 0; ch < input.numberOfChannels(); ch++) {
                if (!received.get(ch) && !closedChannels.get(ch)) {
                    persisting.set(ch);
                    input.startPersistingInFlightData(current.checkpointId(), ch);
                }
            }
        }

        void stopPersisting(int channel) {
            if (persisting.get(channel)) {
                persisting.clear(channel);
                input.stopPersistingInFlightData(current.checkpointId(), channel);
            }
        }

        /** All barriers are in: report, release the input, reset. */
        void finish(boolean unaligned) {
            long now = input.currentTimeMillis();
            long held = unaligned ? snapshotTime - firstBarrierTime : now - firstBarrierTime;
            long id = current.checkpointId();
            cancelTimer();
            unblockAll();
            reset(id);
            input.allBarriersReceived(id, new AlignmentMetrics(held, bytesProcessed, bytesPersisted, unaligned));
        }

        /** Abandons the current checkpoint at this task. */
        void abortCurrent(CheckpointFailureReason reason, String detail) {
            long id = current.checkpointId();
            cancelTimer();
            unblockAll();
            if (!persisting.isEmpty()) {
                persisting.clear();
                input.abortPersisting(id);
            }
            reset(id);
            state = WaitingForFirstBarrier.INSTANCE;
            input.abortCheckpointOnBarrier(id, reason, detail);
        }

        private void cancelTimer() {
            if (timeoutTimer != null) {
                timeoutTimer.cancel();
                timeoutTimer = null;
            }
        }

        private void reset(long finishedId) {
            current = null;
            received.clear();
            persisting.clear();
            highestFinishedOrAborted = Math.max(highestFinishedOrAborted, finishedId);
        }
    }
}
