package io.weir.checkpoint.barrier;

import io.weir.checkpoint.metadata.CheckpointKind;
import java.util.Objects;

/**
 * Barrier n, travelling in-band through every channel from the sources. {@code timestamp} is when
 * the coordinator triggered the checkpoint (the aligned-checkpoint timeout counts from it).
 * Savepoint barriers are always aligned.
 */
public record CheckpointBarrier(long checkpointId, long timestamp, CheckpointKind kind) {
    public CheckpointBarrier {
        Objects.requireNonNull(kind, "kind");
    }
}
