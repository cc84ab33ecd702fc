package io.weir.checkpoint.state.rocksdb;

import io.weir.checkpoint.state.backend.StateMeta;

/**
 * The TTL, in whole seconds, that a state's column family is created with, so that RocksDB's TTL
 * compaction filter drops its expired entries (RocksDB's DBWithTTL, the stock-RocksDB counterpart
 * of Flink's FRocksDB compaction filter).
 *
 * <p>Why it never drops an entry Weir still considers live (with the system clock as TTL time
 * provider): Weir expires a value when {@code now - t >= ttl}, where {@code t} is the Weir
 * timestamp in the value's bytes; whenever that timestamp changes the bytes are rewritten, so
 * RocksDB's write time {@code w} (wall-clock seconds, rounded down) is never earlier than
 * {@code t}. RocksDB drops the value when {@code w + s < nowSeconds}, i.e. more than {@code s}
 * seconds after {@code w}; with {@code s = ceil(ttl / 1000)} that is after {@code t + ttl}.
 * Merged list values get the merge time, and a list value's elements are never newer than it.
 *
 * <p>Compaction follows the wall clock whatever time provider the state uses: with a manual test
 * clock, entries may be compacted away although that clock says they are live (reads still decide
 * visibility by the configured clock, so they are never returned after they expire).
 *
 * <p>Limit inherited from RocksDB: the write time is a signed 32-bit count of seconds, so TtlDB
 * values written after January 2038 will not read back; a later RocksDB release must widen it.
 */
final class RocksCompactionTtl {

    private RocksCompactionTtl() {
    }

    /** 0 (never expires) for states without TTL, else the TTL rounded up to whole seconds. */
    static int seconds(StateMeta meta) {
        if (!meta.ttl()) {
            return 0;
        }
        long seconds = (meta.ttlMillis() + 999) / 1000;
        return (int) Math.min(seconds, Integer.MAX_VALUE);
    }
}
