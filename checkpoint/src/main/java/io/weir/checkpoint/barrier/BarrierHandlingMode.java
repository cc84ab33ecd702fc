package io.weir.checkpoint.barrier;

/** How a task with several input channels handles checkpoint barriers (DESIGN.md section 6.2). */
public enum BarrierHandlingMode {
    /** Exactly-once: block each channel that delivered barrier n until all have; then snapshot. */
    ALIGNED,
    /** At-least-once: never block; snapshot when the last channel delivered barrier n. */
    AT_LEAST_ONCE,
    /** Exactly-once: snapshot at the first barrier; persist in-flight data before barrier n as channel state. */
    UNALIGNED,
    /** Exactly-once: start aligned, switch to unaligned when alignment exceeds the aligned-checkpoint timeout. */
    ALIGNED_THEN_UNALIGNED
}
