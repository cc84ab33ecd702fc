package io.weir.checkpoint.barrier;

import io.weir.checkpoint.coordinator.CheckpointFailureReason;
import io.weir.checkpoint.coordinator.CoordinatorScheduler;

/**
 * What barrier handling needs from a task and its input gate; implemented by {@code runtime/}.
 * Every method is called on the task thread, from within a {@link CheckpointBarrierHandler} call
 * or a timer registered here.
 *
 * <p>Per checkpoint n, the handler calls, in this order: {@link #blockChannel} (aligned) for
 * each channel that delivered barrier n; {@link #triggerCheckpointOnBarrier} exactly once (the
 * task snapshots its operators and forwards barrier n; when unaligned the barrier overtakes the
 * queued output, which the task persists); for unaligned, {@link #startPersistingInFlightData}
 * for every channel still owing barrier n and {@link #stopPersistingInFlightData} when it arrives;
 * then {@link #unblockAllChannels} (if any was blocked) and {@link #allBarriersReceived}. Or, at any point,
 * {@link #abortCheckpointOnBarrier} (plus {@link #abortPersisting} and {@link #unblockAllChannels}
 * when needed), after which nothing more happens for n.
 */
public interface CheckpointableInput {

    int numberOfChannels();

    /** Stops taking input from {@code channel} (it delivered the barrier; aligned checkpoints). */
    void blockChannel(int channel);

    /** Resumes every blocked channel. */
    void unblockAllChannels();

    /** Snapshot now and forward the barrier; {@code unaligned}: the barrier overtakes queued output, persist that output. */
    void triggerCheckpointOnBarrier(CheckpointBarrier barrier, boolean unaligned);

    /**
     * Unaligned: persist, as channel state of {@code checkpointId}, everything {@code channel}
     * holds or delivers before its barrier (it is still processed too).
     */
    void startPersistingInFlightData(long checkpointId, int channel);

    /** The barrier arrived on {@code channel}: its channel state for {@code checkpointId} is complete. */
    void stopPersistingInFlightData(long checkpointId, int channel);

    /** Drops channel state persisted so far for an aborted checkpoint. */
    void abortPersisting(long checkpointId);

    /** Every channel delivered barrier {@code checkpointId} (or ended); the task's input side of it is done. */
    void allBarriersReceived(long checkpointId, AlignmentMetrics metrics);

    /**
     * Checkpoint {@code checkpointId} is abandoned at this task: forward a cancellation marker
     * downstream and decline it to the coordinator (which ignores declines of checkpoints it
     * already aborted). {@code CHECKPOINT_SUBSUMED} means a newer checkpoint overtook it.
     */
    void abortCheckpointOnBarrier(long checkpointId, CheckpointFailureReason reason, String detail);

    long currentTimeMillis();

    /** Runs {@code action} on the task thread after {@code delayMillis} (the aligned-checkpoint timeout). */
    CoordinatorScheduler.Cancellable registerTimer(Runnable action, long delayMillis);
}
