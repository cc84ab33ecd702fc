package io.weir.checkpoint.barrier;

import io.weir.checkpoint.coordinator.CheckpointConfig;

/** How a task with several input channels handles checkpoint barriers (DESIGN.md section 6.2). */
public enum BarrierHandlingMode {
    /** Exactly-once: block each channel that delivered barrier n until all have; then snapshot. */
    ALIGNED,
    /** At-least-once: never block; snapshot when the last channel delivered barrier n. */
    AT_LEAST_ONCE,
    /** Exactly-once: snapshot at the first barrier; persist in-flight data before barrier n as channel state. */
    UNALIGNED,
    /** Exactly-once: start aligned, switch to unaligned when alignment exceeds the aligned-checkpoint timeout. */
    ALIGNED_THEN_UNALIGNED;

    /** The mode {@code execution.checkpointing.mode}, {@code .unaligned.enabled} and {@code .aligned-checkpoint-timeout} select. */
    public static BarrierHandlingMode of(CheckpointConfig config) {
        if (!config.isExactlyOnce()) {
            return AT_LEAST_ONCE;
        }
        if (!config.isUnalignedEnabled()) {
            return ALIGNED;
        }
        return config.alignedCheckpointTimeout().isZero() ? UNALIGNED : ALIGNED_THEN_UNALIGNED;
    }
}
