package io.weir.checkpoint.barrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.metadata.CheckpointKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** At-least-once barrier handling (no blocking, concurrent checkpoints). */
class AtLeastOnceBarrierHandlingTest {
    private static CheckpointBarrier barrier(long id) {
        return new CheckpointBarrier(id, 0, CheckpointKind.CHECKPOINT);
    }

    final FakeGate gate = new FakeGate(2);
    final CheckpointBarrierHandler handler = new CheckpointBarrierHandler(gate, BarrierHandlingMode.AT_LEAST_ONCE, 0);

    @Test
    void shouldNeverBlockAndSnapshotAtTheLastBarrier() {
        handler.processBarrier(barrier(1), 0);
        handler.onData(0, 10); // records after the barrier are processed before the snapshot
        assertEquals(List.of(), gate.drain());
        gate.time.advance(5);
        handler.processBarrier(barrier(1), 1);
        assertEquals(List.of("snapshot 1 aligned", "done 1"), gate.drain());
        assertEquals(new AlignmentMetrics(5, 10, 0, false), gate.metrics.get(0));
    }

    @Test
    void shouldTrackConcurrentCheckpoints() {
        handler.processBarrier(barrier(1), 0);
        handler.processBarrier(barrier(2), 0);
        handler.processBarrier(barrier(1), 1);
        handler.processBarrier(barrier(2), 1);
        assertEquals(List.of("snapshot 1 aligned", "done 1", "snapshot 2 aligned", "done 2"), gate.drain());
    }

    @Test
    void whenNewerCompletesFirst_thenOlderIsSubsumed() {
        handler.processBarrier(barrier(1), 0);
        handler.processBarrier(barrier(2), 0);
        handler.processEndOfPartition(1);
        assertEquals(List.of("abort 1 CHECKPOINT_SUBSUMED", "snapshot 2 aligned", "done 2"), gate.drain());
    }

    @Test
    void whenCancelled_thenLaterBarriersOfThatCheckpointAreIgnored() {
        handler.processBarrier(barrier(1), 0);
        handler.processCancellationBarrier(1, 1);
        handler.processBarrier(barrier(1), 1);
        assertEquals(List.of("abort 1 CHECKPOINT_DECLINED"), gate.drain());
        handler.processBarrier(barrier(2), 0);
        handler.processBarrier(barrier(2), 1);
        assertTrue(gate.drain().contains("snapshot 2 aligned"));
    }
}
