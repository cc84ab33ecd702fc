package io.weir.checkpoint.state.rocksdb;

import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.WriteBufferManager;

/**
 * The memory that all RocksDB instances created by one {@link RocksDbStateBackend} share: one LRU
 * block cache, and a write-buffer manager that charges memtables to that cache, so total memory
 * is bounded by {@code state.backend.rocksdb.memory.fixed-per-slot} however many states and
 * instances there are. Sizes follow Flink: cache = (3 - r) / 3 * total, write buffers = 2 r / 3 * total
 * for write-buffer ratio r (the manager's accounting is charged against the cache, hence the split).
 */
final class RocksDbSharedResources implements AutoCloseable {
    private final LRUCache cache;
    private final WriteBufferManager writeBufferManager;
    private final long cacheCapacity;
    private final long writeBufferCapacity;

    RocksDbSharedResources(long totalMemory, double writeBufferRatio) {
        this.cacheCapacity = (long) ((3 - writeBufferRatio) * totalMemory / 3);
        this.writeBufferCapacity = (long) (2 * totalMemory * writeBufferRatio / 3);
        this.cache = new LRUCache(cacheCapacity, -1, false, 0.1);
        this.writeBufferManager = new WriteBufferManager(writeBufferCapacity, cache);
    }

    Cache cache() {
        return cache;
    }

    WriteBufferManager writeBufferManager() {
        return writeBufferManager;
    }

    long cacheCapacity() {
        return cacheCapacity;
    }

    long writeBufferCapacity() {
        return writeBufferCapacity;
    }

    @Override
    public void close() {
        writeBufferManager.close();
        cache.close();
    }
}
