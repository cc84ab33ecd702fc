package io.weir.runtime.io;

/**
 * What travels in a channel besides rows, in order with them: {@link Watermark},
 * {@link WatermarkStatus}, {@link CheckpointBarrier}, {@link EndOfInput}. A {@link Batch} carries
 * rows. The producer flushes its pending batch before it sends an event, so order is kept.
 */
public interface StreamEvent {
}
