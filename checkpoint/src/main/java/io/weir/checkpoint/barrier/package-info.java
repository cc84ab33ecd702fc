/**
 * How a task with several input channels handles checkpoint barriers (DESIGN.md section 6.2), as
 * explicit states over an interface the runtime's input gate and task implement
 * ({@link io.weir.checkpoint.barrier.CheckpointableInput}): aligned exactly-once, at-least-once,
 * unaligned, and aligned with a timeout that switches to unaligned.
 */
package io.weir.checkpoint.barrier;
