package io.weir.checkpoint.state.rocksdb;

import java.io.IOException;
import java.util.Arrays;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Incremental TTL cleanup of one column family: state accesses add to a budget, and every
 * {@value #BATCH} budget units the next entries after a cursor are scanned and the expired ones
 * deleted (or rewritten, for lists that only partly expired). The cursor wraps around at the end.
 */
final class RocksTtlCleaner {
    static final int BATCH = 64;

    private final RocksDB db;
    private final ColumnFamilyHandle columnFamily;
    private final WriteOptions writeOptions;
    private final RocksTtlFilter filter;
    private byte[] cursor;
    private long budget;

    RocksTtlCleaner(RocksDB db, ColumnFamilyHandle columnFamily, WriteOptions writeOptions, RocksTtlFilter filter) {
        this.db = db;
        this.columnFamily = columnFamily;
        this.writeOptions = writeOptions;
        this.filter = filter;
    }

    void onAccess() throws IOException {
        int perAccess = filter.ttl().cleanupEntriesPerAccess();
        if (perAccess == 0) {
            return;
        }
        budget += perAccess;
        if (budget >= BATCH) {
            int entries = (int) Math.min(budget, Integer.MAX_VALUE);
            budget = 0;
            try {
                scan(entries);
            } catch (RocksDBException e) {
                throw new IOException("RocksDB failed during TTL cleanup: " + e.getMessage(), e);
            }
        }
    }

    private void scan(int entries) throws RocksDBException, IOException {
        long now = filter.now();
        try (RocksIterator it = db.newIterator(columnFamily); WriteBatch batch = new WriteBatch()) {
            if (cursor == null) {
                it.seekToFirst();
            } else {
                it.seek(cursor);
            }
            for (int i = 0; i < entries && it.isValid(); i++, it.next()) {
                byte[] value = it.value();
                byte[] live = filter.filter(value, now);
                if (live == null) {
                    batch.delete(columnFamily, it.key());
                } else if (live != value) {
                    batch.put(columnFamily, it.key(), live);
                }
            }
            cursor = it.isValid() ? Arrays.copyOf(it.key(), it.key().length) : null;
            if (batch.count() > 0) {
                db.write(writeOptions, batch);
            }
        }
    }
}
