package io.weir.runtime.operators.sql;

import java.time.Duration;
import java.util.Objects;

/**
 * Mini-batch settings of an aggregation: {@code table.exec.mini-batch.allow-latency} and
 * {@code table.exec.mini-batch.size}. A batch is folded into state when it holds {@link #size()}
 * rows, when {@link #allowLatency()} has passed since its first row, before a watermark is
 * forwarded, before a checkpoint, and at the end of input. Immutable.
 */
public final class MiniBatch {
    private final Duration allowLatency;
    private final long size;

    private MiniBatch(Duration allowLatency, long size) {
        this.allowLatency = allowLatency;
        this.size = size;
    }

    /**
     * @param allowLatency the longest a row may wait in a batch; zero for no time trigger
     * @param size the most rows in a batch; zero or negative for no size trigger
     * @throws IllegalArgumentException when neither trigger is set
     */
    public static MiniBatch of(Duration allowLatency, long size) {
        Objects.requireNonNull(allowLatency, "allowLatency");
        if (allowLatency.isNegative()) {
            throw new IllegalArgumentException("'table.exec.mini-batch.allow-latency' must not be negative: " + allowLatency);
        }
        if (allowLatency.isZero() && size <= 0) {
            throw new IllegalArgumentException("mini-batch aggregation needs 'table.exec.mini-batch.allow-latency' > 0 "
                + "or 'table.exec.mini-batch.size' > 0 when 'table.exec.mini-batch.enabled' is true");
        }
        return new MiniBatch(allowLatency, size);
    }

    public Duration allowLatency() {
        return allowLatency;
    }

    public long size() {
        return size;
    }

    @Override
    public String toString() {
        return "MiniBatch{allowLatency=" + allowLatency + ", size=" + size + "}";
    }
}
