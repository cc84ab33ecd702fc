package io.weir.checkpoint.barrier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.checkpoint.metadata.CheckpointKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unaligned barrier handling, event by event against a fake gate. */
class UnalignedBarrierHandlingTest {
    private static CheckpointBarrier barrier(long id) {
        return new CheckpointBarrier(id, 0, CheckpointKind.CHECKPOINT);
    }

    final FakeGate gate = new FakeGate(3);
    final CheckpointBarrierHandler handler = new CheckpointBarrierHandler(gate, BarrierHandlingMode.UNALIGNED, 0);

    @Test
    void shouldSnapshotAtFirstBarrierAndPersistInFlightDataOfOtherChannels() {
        handler.processBarrier(barrier(1), 1);
        assertEquals(List.of("snapshot 1 unaligned", "persist 0", "persist 2"), gate.drain());
        handler.onData(0, 300);
        handler.onData(1, 50); // after its barrier: processed, not persisted
        handler.processBarrier(barrier(1), 0);
        handler.onData(2, 200);
        gate.time.advance(10);
        handler.processBarrier(barrier(1), 2);
        assertEquals(List.of("stop persist 0", "stop persist 2", "done 1"), gate.drain());
        assertEquals(new AlignmentMetrics(0, 550, 500, true), gate.metrics.get(0));
    }

    @Test
    void whenAbortedWhilePersisting_thenChannelStateIsDropped() {
        handler.processBarrier(barrier(1), 1);
        gate.drain();
        handler.processCancellationBarrier(1, 0);
        assertEquals(List.of("drop channel state 1", "abort 1 CHECKPOINT_DECLINED"), gate.drain());
    }

    @Test
    void whenSavepoint_thenAlignedEvenInUnalignedMode() {
        handler.processBarrier(new CheckpointBarrier(1, 0, CheckpointKind.SAVEPOINT), 0);
        assertEquals(List.of("block 0"), gate.drain());
    }
}
