package io.weir.checkpoint.state;

import java.time.Duration;
import java.util.Objects;

/**
 * Time-to-live of a state's entries. Expired entries are never returned, are left out of snapshots,
 * and are removed in the background of normal access (heap: incremental cleanup; RocksDB: an
 * incremental scan, plus RocksDB's TTL compaction filter, which follows the wall clock rather than
 * the TTL time provider; this is Flink's {@code cleanupInRocksdbCompactFilter}, always on). SQL
 * operators derive it from {@code table.exec.state.ttl}.
 */
public final class StateTtlConfig {

    /** When an entry's time-to-live starts again. */
    public enum UpdateType {
        /** On creation and on every write. */
        ON_CREATE_AND_WRITE,
        /** On creation, every write and every read. */
        ON_READ_AND_WRITE
    }

    /** No TTL. */
    public static final StateTtlConfig DISABLED = new StateTtlConfig(Duration.ZERO, UpdateType.ON_CREATE_AND_WRITE, 0);

    private final Duration ttl;
    private final UpdateType updateType;
    private final int cleanupEntriesPerAccess;

    private StateTtlConfig(Duration ttl, UpdateType updateType, int cleanupEntriesPerAccess) {
        this.ttl = ttl;
        this.updateType = updateType;
        this.cleanupEntriesPerAccess = cleanupEntriesPerAccess;
    }

    /** A TTL of {@code ttl} (must be positive), refreshed on create and write, cleaning 5 entries per access. */
    public static StateTtlConfig of(Duration ttl) {
        return of(ttl, UpdateType.ON_CREATE_AND_WRITE);
    }

    public static StateTtlConfig of(Duration ttl, UpdateType updateType) {
        return of(ttl, updateType, 5);
    }

    /** As {@link #of(Duration, UpdateType)}, examining {@code cleanupEntriesPerAccess} entries per state access. */
    public static StateTtlConfig of(Duration ttl, UpdateType updateType, int cleanupEntriesPerAccess) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("state TTL must be positive: " + ttl + " (use StateTtlConfig.DISABLED for none)");
        }
        if (cleanupEntriesPerAccess < 0) {
            throw new IllegalArgumentException("cleanupEntriesPerAccess must be >= 0: " + cleanupEntriesPerAccess);
        }
        return new StateTtlConfig(ttl, Objects.requireNonNull(updateType, "updateType"), cleanupEntriesPerAccess);
    }

    public boolean isEnabled() {
        return !ttl.isZero();
    }

    public Duration getTtl() {
        return ttl;
    }

    public long getTtlMillis() {
        return ttl.toMillis();
    }

    public UpdateType getUpdateType() {
        return updateType;
    }

    public int getCleanupEntriesPerAccess() {
        return cleanupEntriesPerAccess;
    }

    @Override
    public String toString() {
        return isEnabled() ? "StateTtlConfig{ttl=" + ttl + ", update=" + updateType + "}" : "StateTtlConfig{disabled}";
    }
}
