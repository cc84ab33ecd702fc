package io.weir.checkpoint.barrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.checkpoint.metadata.CheckpointKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exactly-once aligned barrier handling, event by event against a fake gate. */
class AlignedBarrierHandlingTest {
    private static CheckpointBarrier barrier(long id) {
        return new CheckpointBarrier(id, 0, CheckpointKind.CHECKPOINT);
    }

    final FakeGate gate = new FakeGate(3);
    final CheckpointBarrierHandler handler = new CheckpointBarrierHandler(gate, BarrierHandlingMode.ALIGNED, 0);

    @Test
    void shouldBlockChannelsThatDeliveredTheBarrierUntilAllHave() {
        handler.processBarrier(barrier(1), 0);
        gate.time.advance(10);
        handler.onData(1, 100);
        handler.processBarrier(barrier(1), 2);
        assertEquals(List.of("block 0", "block 2"), gate.drain());
        assertEquals("CollectingBarriers", handler.stateName());
        assertThrows(IllegalStateException.class, () -> handler.onData(0, 1), "a blocked channel delivers nothing");

        gate.time.advance(30);
        handler.processBarrier(barrier(1), 1);
        assertEquals(List.of("snapshot 1 aligned", "unblock", "done 1"), gate.drain());
        assertEquals(new AlignmentMetrics(40, 100, 0, false), gate.metrics.get(0));
        assertEquals("WaitingForFirstBarrier", handler.stateName());
        assertFalse(handler.isBlocked(0));
    }

    @Test
    void whenOnlyOneChannel_thenSnapshotAtOnceWithoutBlocking() {
        FakeGate single = new FakeGate(1);
        CheckpointBarrierHandler h = new CheckpointBarrierHandler(single, BarrierHandlingMode.ALIGNED, 0);
        h.processBarrier(barrier(1), 0);
        assertEquals(List.of("snapshot 1 aligned", "done 1"), single.drain());
    }

    @Test
    void whenNewerBarrierArrivesDuringAlignment_thenOlderCheckpointIsAbortedAndNewOneAligns() {
        handler.processBarrier(barrier(1), 0);
        handler.processBarrier(barrier(2), 1);
        assertEquals(List.of("block 0", "unblock", "abort 1 CHECKPOINT_SUBSUMED", "block 1"), gate.drain());
        assertEquals(2, handler.currentCheckpointId());
        handler.processBarrier(barrier(1), 2); // obsolete
        assertEquals(List.of(), gate.drain());
    }

    @Test
    void whenCancellationMarkerArrives_thenAlignmentIsReleasedAndLateBarriersIgnored() {
        handler.processBarrier(barrier(1), 0);
        handler.processCancellationBarrier(1, 1);
        assertEquals(List.of("block 0", "unblock", "abort 1 CHECKPOINT_DECLINED"), gate.drain());
        handler.processBarrier(barrier(1), 2);
        assertEquals(List.of(), gate.drain());
    }

    @Test
    void whenCancellationMarkerForFutureCheckpoint_thenItIsAbortedOnceAndItsBarriersIgnored() {
        handler.processCancellationBarrier(3, 0);
        handler.processCancellationBarrier(3, 1);
        handler.processBarrier(barrier(3), 2);
        assertEquals(List.of("abort 3 CHECKPOINT_DECLINED"), gate.drain());
        handler.processBarrier(barrier(4), 0);
        assertEquals(List.of("block 0"), gate.drain());
    }

    @Test
    void whenChannelEnds_thenItNoLongerCountsForAlignment() {
        handler.processBarrier(barrier(1), 0);
        handler.processBarrier(barrier(1), 1);
        handler.processEndOfPartition(2);
        assertEquals(List.of("block 0", "block 1", "snapshot 1 aligned", "unblock", "done 1"), gate.drain());
        handler.processBarrier(barrier(2), 0);
        handler.processBarrier(barrier(2), 1);
        assertEquals(List.of("block 0", "snapshot 2 aligned", "unblock", "done 2"), gate.drain());
    }

    @Test
    void whenCoordinatorAbortsCheckpoint_thenAlignmentIsReleased() {
        handler.processBarrier(barrier(1), 0);
        handler.abortCheckpoint(1, "expired");
        assertEquals(List.of("block 0", "unblock", "abort 1 CHECKPOINT_DECLINED"), gate.drain());
        assertEquals(-1, handler.currentCheckpointId());
    }

    @Test
    void whenBarrierTwiceOnOneChannel_thenRefused() {
        handler.processBarrier(barrier(1), 0);
        assertThrows(IllegalStateException.class, () -> handler.processBarrier(barrier(1), 0));
    }
}
