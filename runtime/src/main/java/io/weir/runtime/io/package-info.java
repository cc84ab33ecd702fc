/**
 * Moving rows between tasks in one JVM: bounded {@link io.weir.runtime.io.Channel}s of batches and
 * in-band events (watermarks, idleness, barriers, end of input), partitioning writers, the input
 * gate and the watermark valve. Rows are handed over, never serialized.
 */
package io.weir.runtime.io;
