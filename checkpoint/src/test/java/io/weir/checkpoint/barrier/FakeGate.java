package io.weir.checkpoint.barrier;

import io.weir.checkpoint.coordinator.CheckpointFailureReason;
import io.weir.checkpoint.coordinator.CoordinatorScheduler;
import io.weir.checkpoint.coordinator.ManualScheduler;
import java.util.ArrayList;
import java.util.List;

/** A task and input gate that record, as readable lines, what barrier handling asked of them. */
final class FakeGate implements CheckpointableInput {
    final List<String> log = new ArrayList<>();
    final List<AlignmentMetrics> metrics = new ArrayList<>();
    final ManualScheduler time = new ManualScheduler(0);
    private final int channels;

    FakeGate(int channels) {
        this.channels = channels;
    }

    /** The log so far, then cleared. */
    List<String> drain() {
        List<String> copy = List.copyOf(log);
        log.clear();
        return copy;
    }

    @Override
    public int numberOfChannels() {
        return channels;
    }

    @Override
    public void blockChannel(int channel) {
        log.add("block " + channel);
    }

    @Override
    public void unblockAllChannels() {
        log.add("unblock");
    }

    @Override
    public void triggerCheckpointOnBarrier(CheckpointBarrier barrier, boolean unaligned) {
        log.add("snapshot " + barrier.checkpointId() + (unaligned ? " unaligned" : " aligned"));
    }

    @Override
    public void startPersistingInFlightData(long checkpointId, int channel) {
        log.add("persist " + channel);
    }

    @Override
    public void stopPersistingInFlightData(long checkpointId, int channel) {
        log.add("stop persist " + channel);
    }

    @Override
    public void abortPersisting(long checkpointId) {
        log.add("drop channel state " + checkpointId);
    }

    @Override
    public void allBarriersReceived(long checkpointId, AlignmentMetrics m) {
        log.add("done " + checkpointId);
        metrics.add(m);
    }

    @Override
    public void abortCheckpointOnBarrier(long checkpointId, CheckpointFailureReason reason, String detail) {
        log.add("abort " + checkpointId + " " + reason);
    }

    @Override
    public long currentTimeMillis() {
        return time.millis();
    }

    @Override
    public CoordinatorScheduler.Cancellable registerTimer(Runnable action, long delayMillis) {
        log.add("timer " + delayMillis);
        return time.schedule(action, delayMillis);
    }
}
