package io.weir.runtime.generated;

import io.weir.runtime.data.Row;

/**
 * An {@link AggsHandle} for window aggregation, whose result also carries the window columns that
 * the generator was asked for ({@code window_start}, {@code window_end}, {@code window_time}), after
 * the aggregate values and in the requested order.
 */
public interface NamespaceAggsHandle extends AggsHandle {

    /**
     * The results of the current accumulators for window {@code [windowStart, windowEnd)}:
     * aggregate values followed by the requested window properties ({@code window_time} is
     * {@code windowEnd - 1}, Flink's rowtime of a window).
     */
    Row getValue(long windowStart, long windowEnd);
}
