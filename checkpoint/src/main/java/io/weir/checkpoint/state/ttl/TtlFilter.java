package io.weir.checkpoint.state.ttl;

import io.weir.checkpoint.state.StateTtlConfig;
import io.weir.checkpoint.state.TtlTimeProvider;

/**
 * Decides expiry for one state, for the backends' incremental cleanup and their snapshots (which
 * leave expired entries out). Entries written at {@code t} expire at {@code t + ttl}.
 */
public final class TtlFilter {
    private final StateTtlConfig config;
    private final TtlTimeProvider clock;

    public TtlFilter(StateTtlConfig config, TtlTimeProvider clock) {
        this.config = config;
        this.clock = clock;
    }

    public StateTtlConfig getConfig() {
        return config;
    }

    public long now() {
        return clock.currentTimestamp();
    }

    public boolean isExpired(long lastAccessTimestamp, long now) {
        return now - lastAccessTimestamp >= config.getTtlMillis();
    }

    public boolean isExpired(TtlValue<?> value, long now) {
        return value == null || isExpired(value.lastAccessTimestamp(), now);
    }

    /** Entries to examine per state access (0 disables incremental cleanup). */
    public int cleanupEntriesPerAccess() {
        return config.getCleanupEntriesPerAccess();
    }
}
