package io.weir.checkpoint.state;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.config.ConfigOptions;

/** Configuration of the state backends (Flink's key names). */
public final class StateBackendOptions {
    private StateBackendOptions() {
    }

    public static final ConfigOption<String> STATE_BACKEND_TYPE = ConfigOptions.key("state.backend.type")
        .stringType("hashmap")
        .withFallbackKeys("state.backend")
        .withDescription("Where keyed state lives: 'hashmap' (objects on the JVM heap) or 'rocksdb' (embedded RocksDB on local disk).");

    public static final ConfigOption<String> ROCKSDB_LOCAL_DIRECTORIES = ConfigOptions.key("state.backend.rocksdb.localdir")
        .stringType(null)
        .withDescription("Local working directory of RocksDB instances (default: java.io.tmpdir/weir-rocksdb); of a comma-separated list, the first is used.");

    public static final ConfigOption<Boolean> ROCKSDB_MEMORY_MANAGED = ConfigOptions.key("state.backend.rocksdb.memory.managed")
        .booleanType(true)
        .withDescription("Bound RocksDB's memory: all states of a slot share one block cache and write-buffer manager.");

    public static final ConfigOption<Long> ROCKSDB_MEMORY_FIXED_PER_SLOT = ConfigOptions.key("state.backend.rocksdb.memory.fixed-per-slot")
        .memoryType(256L << 20)
        .withDescription("Memory shared by all RocksDB states of one slot (block cache incl. write buffers), e.g. '256 mb'.");

    public static final ConfigOption<Double> ROCKSDB_MEMORY_WRITE_BUFFER_RATIO = ConfigOptions.key("state.backend.rocksdb.memory.write-buffer-ratio")
        .doubleType(0.5)
        .withDescription("Fraction of the per-slot memory that write buffers (memtables) may use.");
}
