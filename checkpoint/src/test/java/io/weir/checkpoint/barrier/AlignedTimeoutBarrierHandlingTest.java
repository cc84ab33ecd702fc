package io.weir.checkpoint.barrier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.checkpoint.metadata.CheckpointKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Aligned checkpoints that switch to unaligned after the aligned-checkpoint timeout. */
class AlignedTimeoutBarrierHandlingTest {
    private static CheckpointBarrier barrier(long id) {
        return new CheckpointBarrier(id, 0, CheckpointKind.CHECKPOINT);
    }

    final FakeGate gate = new FakeGate(3);
    final CheckpointBarrierHandler handler =
        new CheckpointBarrierHandler(gate, BarrierHandlingMode.ALIGNED_THEN_UNALIGNED, 100);

    @Test
    void whenAlignmentTakesLongerThanTimeout_thenSwitchesToUnaligned() {
        gate.time.advance(20);
        handler.processBarrier(barrier(1), 0); // triggered at 0, the timeout counts from there
        assertEquals(List.of("timer 80", "block 0"), gate.drain());
        gate.time.advance(80);
        assertEquals(List.of("snapshot 1 unaligned", "unblock", "persist 1", "persist 2"), gate.drain());
        assertEquals("CollectingBarriersUnaligned", handler.stateName());
        handler.onData(1, 70);
        handler.processBarrier(barrier(1), 1);
        handler.processBarrier(barrier(1), 2);
        assertEquals(List.of("stop persist 1", "stop persist 2", "done 1"), gate.drain());
        assertEquals(new AlignmentMetrics(80, 70, 70, true), gate.metrics.get(0));
    }

    @Test
    void whenAlignedInTime_thenStaysAlignedAndTimerIsCancelled() {
        handler.processBarrier(barrier(1), 0);
        handler.processBarrier(barrier(1), 1);
        handler.processBarrier(barrier(1), 2);
        assertEquals(List.of("timer 100", "block 0", "block 1", "snapshot 1 aligned", "unblock", "done 1"), gate.drain());
        assertEquals(0, gate.time.scheduledCount());
    }

    @Test
    void whenFirstBarrierArrivesAfterTimeout_thenUnalignedAtOnce() {
        gate.time.advance(150);
        handler.processBarrier(barrier(1), 2);
        assertEquals(List.of("snapshot 1 unaligned", "persist 0", "persist 1"), gate.drain());
    }
}
