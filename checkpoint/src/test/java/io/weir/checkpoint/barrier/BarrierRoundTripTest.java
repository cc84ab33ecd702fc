package io.weir.checkpoint.barrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.coordinator.CheckpointAck;
import io.weir.checkpoint.coordinator.CheckpointConfig;
import io.weir.checkpoint.coordinator.CheckpointCoordinator;
import io.weir.checkpoint.coordinator.CheckpointFailureReason;
import io.weir.checkpoint.coordinator.CheckpointPlan;
import io.weir.checkpoint.coordinator.CheckpointTriggerTarget;
import io.weir.checkpoint.coordinator.CompletedCheckpoint;
import io.weir.checkpoint.coordinator.CoordinatorScheduler;
import io.weir.checkpoint.coordinator.ManualScheduler;
import io.weir.checkpoint.coordinator.OperatorInfo;
import io.weir.checkpoint.coordinator.SubtaskCheckpointMetrics;
import io.weir.checkpoint.coordinator.TaskId;
import io.weir.checkpoint.metadata.CheckpointKind;
import io.weir.checkpoint.metadata.CheckpointMetadata;
import io.weir.checkpoint.metadata.OperatorSubtaskState;
import io.weir.checkpoint.state.snapshot.ByteStreamStateHandle;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle;
import io.weir.checkpoint.storage.JobManagerCheckpointStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The coordinator, barrier handling and metadata working together on a tiny simulated job: two
 * sources (state: their position) feed one summing task (state: the sum) over two channels. A
 * checkpoint is taken while the channels are unevenly filled, the job "crashes" after processing
 * more input, and restarts from the checkpoint. Aligned: the final sum is exact. At-least-once:
 * nothing is lost but input after the barrier on the fast channel is counted twice.
 */
class BarrierRoundTripTest {
    private static final int VALUES_PER_SOURCE = 20;
    private static final long EXPECTED_SUM = 2L * VALUES_PER_SOURCE * (VALUES_PER_SOURCE + 1) / 2;

    private final ManualScheduler time = new ManualScheduler(0);
    private final List<ArrayDeque<Object>> channels = List.of(new ArrayDeque<>(), new ArrayDeque<>());
    private final int[] sourcePosition = new int[2];
    private CheckpointCoordinator coordinator;
    private SumTask sum;

    private static OperatorSubtaskState longState(long value) {
        byte[] bytes = ByteBuffer.allocate(8).putLong(value).array();
        return new OperatorSubtaskState(List.of(), List.of(new OperatorStateHandle(
            Map.of("v", new OperatorStateHandle.StateMetaInfo(new long[] {0}, OperatorStateHandle.Mode.SPLIT_DISTRIBUTE)),
            new ByteStreamStateHandle("v", bytes))), List.of(), List.of());
    }

    private static long readLong(CheckpointMetadata m, String uid, int subtask) throws IOException {
        try (InputStream in = m.operatorState(uid).orElseThrow().state(subtask).operatorState().get(0)
            .getDelegateStateHandle().openInputStream()) {
            return ByteBuffer.wrap(in.readAllBytes()).getLong();
        }
    }

    /** The summing task: reads its two channels round-robin, skipping blocked ones. */
    private final class SumTask implements CheckpointableInput {
        final CheckpointBarrierHandler handler;
        final boolean[] blocked = new boolean[2];
        long total;
        int next;

        SumTask(BarrierHandlingMode mode) {
            handler = new CheckpointBarrierHandler(this, mode, 0);
        }

        /** Processes one element; false when nothing could be read. */
        boolean step() {
            for (int i = 0; i < 2; i++) {
                int ch = (next + i) % 2;
                if (!blocked[ch] && !channels.get(ch).isEmpty()) {
                    next = ch + 1;
                    Object e = channels.get(ch).poll();
                    if (e instanceof CheckpointBarrier b) {
                        handler.processBarrier(b, ch);
                    } else {
                        total += (Integer) e;
                        handler.onData(ch, 4);
                    }
                    return true;
                }
            }
            return false;
        }

        @Override public int numberOfChannels() { return 2; }
        @Override public void blockChannel(int channel) { blocked[channel] = true; }
        @Override public void unblockAllChannels() { blocked[0] = false; blocked[1] = false; }

        @Override
        public void triggerCheckpointOnBarrier(CheckpointBarrier barrier, boolean unaligned) {
            coordinator.acknowledge(new CheckpointAck(new TaskId("sum", 0), barrier.checkpointId(), Map.of("sum", longState(total)),
                SubtaskCheckpointMetrics.NONE));
        }

        @Override public void startPersistingInFlightData(long checkpointId, int channel) { }
        @Override public void stopPersistingInFlightData(long checkpointId, int channel) { }
        @Override public void abortPersisting(long checkpointId) { }
        @Override public void allBarriersReceived(long checkpointId, AlignmentMetrics metrics) { }
        @Override public void abortCheckpointOnBarrier(long checkpointId, CheckpointFailureReason reason, String detail) { }
        @Override public long currentTimeMillis() { return time.millis(); }
        @Override public CoordinatorScheduler.Cancellable registerTimer(Runnable action, long delayMillis) {
            return time.schedule(action, delayMillis);
        }
    }

    /** The job as the coordinator sees it: sources snapshot their position and emit the barrier. */
    private final class Job implements CheckpointTriggerTarget {
        @Override
        public CheckpointPlan currentPlan() {
            return new CheckpointPlan(Set.of(new TaskId("src", 0), new TaskId("src", 1), new TaskId("sum", 0)), Set.of(),
                List.of(new OperatorInfo("src", "src", 2, 128), new OperatorInfo("sum", "sum", 1, 128)));
        }

        @Override
        public void triggerCheckpoint(long checkpointId, long timestamp, CheckpointKind kind) {
            for (int s = 0; s < 2; s++) {
                coordinator.acknowledge(new CheckpointAck(new TaskId("src", s), checkpointId,
                    Map.of("src", longState(sourcePosition[s])), SubtaskCheckpointMetrics.NONE));
                channels.get(s).add(new CheckpointBarrier(checkpointId, timestamp, kind));
            }
        }

        @Override public void notifyCheckpointComplete(long checkpointId) { }
        @Override public void notifyCheckpointAborted(long checkpointId) { }
        @Override public void failJob(Throwable cause) { }
    }

    private void emit(int source, int count) {
        for (int i = 0; i < count && sourcePosition[source] < VALUES_PER_SOURCE; i++) {
            sourcePosition[source]++;
            channels.get(source).add(sourcePosition[source]);
        }
    }

    private void start(BarrierHandlingMode mode) {
        Configuration c = new Configuration();
        coordinator = new CheckpointCoordinator("job", CheckpointConfig.fromConfiguration(c),
            new JobManagerCheckpointStorage("job", 1 << 20), new Job(), time, time, Runnable::run, t -> { });
        sum = new SumTask(mode);
    }

    /** Runs until the checkpoint completed, then a little further, then "crashes" and restores; returns the final sum. */
    private long runWithCrashAfterCheckpoint(BarrierHandlingMode mode) throws Exception {
        start(mode);
        emit(0, 3);
        emit(1, 8); // source 1 is ahead: its barrier will sit behind 8 values
        var checkpoint = coordinator.triggerCheckpoint();
        emit(0, 6); // source 0 keeps producing after its barrier
        while (!checkpoint.isDone()) {
            assertTrue(sum.step(), "the job stalled before completing the checkpoint");
        }
        for (int i = 0; i < 3; i++) {
            sum.step(); // process a bit more, then crash
        }
        CompletedCheckpoint completed = checkpoint.get();

        CheckpointMetadata restored = completed.metadata();
        channels.forEach(ArrayDeque::clear);
        start(mode);
        sourcePosition[0] = (int) readLong(restored, "src", 0);
        sourcePosition[1] = (int) readLong(restored, "src", 1);
        sum.total = readLong(restored, "sum", 0);
        while (sourcePosition[0] < VALUES_PER_SOURCE || sourcePosition[1] < VALUES_PER_SOURCE) {
            emit(0, 2);
            emit(1, 2);
            while (sum.step()) {
                // drain
            }
        }
        return sum.total;
    }

    @Test
    void whenAligned_thenRestoredRunGivesExactlyTheFailureFreeResult() throws Exception {
        assertEquals(EXPECTED_SUM, runWithCrashAfterCheckpoint(BarrierHandlingMode.ALIGNED));
    }

    @Test
    void whenAtLeastOnce_thenNothingIsLostButInputAfterTheBarrierIsCountedTwice() throws Exception {
        long result = runWithCrashAfterCheckpoint(BarrierHandlingMode.AT_LEAST_ONCE);
        assertTrue(result > EXPECTED_SUM, "duplicates expected, got " + result + " for " + EXPECTED_SUM);
    }
}
