package io.weir.runtime.tasks;

import io.weir.checkpoint.barrier.AlignmentMetrics;
import io.weir.checkpoint.barrier.BarrierHandlingMode;
import io.weir.checkpoint.barrier.CheckpointBarrierHandler;
import io.weir.checkpoint.barrier.CheckpointableInput;
import io.weir.checkpoint.coordinator.CheckpointFailureReason;
import io.weir.checkpoint.coordinator.CoordinatorScheduler;
import io.weir.checkpoint.metadata.CheckpointKind;
import io.weir.runtime.data.Row;
import io.weir.runtime.io.Batch;
import io.weir.runtime.io.CheckpointBarrier;
import io.weir.runtime.io.ChannelStateRows;
import io.weir.runtime.io.InputGate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The input side of checkpointing for a task with an input gate: feeds barriers, ended channels
 * and taken batches to a {@link CheckpointBarrierHandler} (aligned, at-least-once, unaligned or
 * aligned-then-unaligned) and carries out what it decides on the gate and the task: block and
 * unblock channels, snapshot and forward the barrier ({@link StreamTask#snapshotAndForward}),
 * persist the rows that channels still owing the barrier deliver (unaligned), and acknowledge
 * once every channel delivered the barrier ({@link StreamTask#acknowledgePending}).
 *
 * <p>Task thread only; the aligned-checkpoint timeout fires through the task's mailbox.
 */
final class BarrierInput implements CheckpointableInput {
    private final StreamTask task;
    private final InputGate gate;
    private final Mailbox mailbox;
    private final ScheduledExecutorService scheduler;
    private final CheckpointBarrierHandler handler;
    private final BitSet persisting = new BitSet();
    private long persistingCheckpoint = -1;
    private long savepointId = -1;

    BarrierInput(StreamTask task, InputGate gate, Mailbox mailbox, ScheduledExecutorService scheduler,
                 BarrierHandlingMode mode, long alignedTimeoutMillis) {
        this.task = task;
        this.gate = gate;
        this.mailbox = mailbox;
        this.scheduler = scheduler;
        this.handler = new CheckpointBarrierHandler(this, mode, alignedTimeoutMillis);
    }

    // ---------------------------------------------------------------- from the task loop

    /**
     * A barrier arrived. Savepoints are aligned; so is a checkpoint whose barrier comes from a
     * producer that already finished (after its {@code EndOfData}): if every producer finished,
     * the snapshot must come after every channel's end of data, so that it counts as this task's
     * final checkpoint (taken unaligned at the first barrier, it would precede the other ends).
     */
    void onBarrier(int channel, CheckpointBarrier barrier) {
        boolean alignedOnly = barrier.isSavepoint() || gate.isDataEnded(channel);
        if (barrier.isSavepoint()) {
            savepointId = barrier.id();
        }
        handler.processBarrier(new io.weir.checkpoint.barrier.CheckpointBarrier(barrier.id(), barrier.timestamp(),
            alignedOnly ? CheckpointKind.SAVEPOINT : CheckpointKind.CHECKPOINT), channel);
    }

    void onEndOfInput(int channel) {
        handler.processEndOfPartition(channel);
    }

    /** A batch taken from {@code channel}, before it is processed: persisted if the channel still owes the barrier. */
    void onBatch(int channel, Batch batch) throws IOException {
        boolean persist = persisting.get(channel);
        if (!persist && !handler.isCheckpointInProgress()) {
            return;
        }
        long bytes;
        if (persist) {
            List<Row> rows = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                rows.add(batch.get(i));
            }
            byte[] buffer = ChannelStateRows.serialize(rows);
            task.persistInput(persistingCheckpoint, channel, buffer);
            bytes = buffer.length;
        } else {
            bytes = ChannelStateRows.estimateSize(batch);
        }
        handler.onData(channel, bytes);
    }

    void abort(long checkpointId, String detail) {
        handler.abortCheckpoint(checkpointId, detail);
    }

    String stateName() {
        return handler.stateName();
    }

    // ---------------------------------------------------------------- CheckpointableInput

    @Override
    public int numberOfChannels() {
        return gate.numberOfChannels();
    }

    @Override
    public void blockChannel(int channel) {
        gate.block(channel);
    }

    @Override
    public void unblockAllChannels() {
        gate.unblockAll();
    }

    @Override
    public void triggerCheckpointOnBarrier(io.weir.checkpoint.barrier.CheckpointBarrier barrier, boolean unaligned) {
        try {
            task.snapshotAndForward(barrier.checkpointId(), barrier.timestamp(), unaligned,
                barrier.checkpointId() == savepointId);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("checkpoint " + barrier.checkpointId() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void startPersistingInFlightData(long checkpointId, int channel) {
        persistingCheckpoint = checkpointId;
        persisting.set(channel);
    }

    @Override
    public void stopPersistingInFlightData(long checkpointId, int channel) {
        persisting.clear(channel);
    }

    @Override
    public void abortPersisting(long checkpointId) {
        persisting.clear();
    }

    @Override
    public void allBarriersReceived(long checkpointId, AlignmentMetrics metrics) {
        persisting.clear();
        task.acknowledgePending(checkpointId, metrics);
    }

    @Override
    public void abortCheckpointOnBarrier(long checkpointId, CheckpointFailureReason reason, String detail) {
        persisting.clear();
        task.abortPending(checkpointId);
    }

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public CoordinatorScheduler.Cancellable registerTimer(Runnable action, long delayMillis) {
        boolean[] cancelled = new boolean[1];
        ScheduledFuture<?> f = scheduler.schedule(() -> mailbox.execute(() -> {
            if (!cancelled[0]) {
                action.run();
            }
        }, "aligned checkpoint timeout"), delayMillis, TimeUnit.MILLISECONDS);
        return () -> {
            cancelled[0] = true;
            f.cancel(false);
        };
    }
}
