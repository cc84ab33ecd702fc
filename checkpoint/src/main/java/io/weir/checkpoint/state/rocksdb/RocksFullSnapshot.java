package io.weir.checkpoint.state.rocksdb;

import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.backend.FullSnapshotWriter;
import io.weir.checkpoint.state.backend.StateMeta;
import io.weir.checkpoint.state.snapshot.CheckpointStateOutputStream;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import io.weir.checkpoint.state.snapshot.KeyGroupsStateHandle;
import io.weir.checkpoint.state.snapshot.KeyedStateHandle;
import io.weir.checkpoint.state.snapshot.SnapshotResult;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;

/**
 * The asynchronous part of a full RocksDB snapshot: a scan of a RocksDB snapshot, key group by
 * key group and state by state, into the backend-independent format (keys lose their 2-byte
 * key-group prefix; expired TTL entries are dropped).
 */
final class RocksFullSnapshot {

    /** One column family to write, with its TTL filter (null: none). */
    record Column(StateMeta meta, ColumnFamilyHandle handle, RocksTtlFilter ttl) {
    }

    private RocksFullSnapshot() {
    }

    static SnapshotResult<KeyedStateHandle> write(RocksDB db, Snapshot snapshot, List<Column> columns, KeyGroupRange range,
                                                  CheckpointStreamFactory factory) throws Exception {
        List<StateMeta> metas = new ArrayList<>();
        columns.forEach(c -> metas.add(c.meta()));
        List<RocksIterator> iterators = new ArrayList<>();
        try (ReadOptions readOptions = new ReadOptions().setSnapshot(snapshot).setFillCache(false);
             CheckpointStateOutputStream stream = factory.createCheckpointStateOutputStream()) {
            for (Column c : columns) {
                iterators.add(db.newIterator(c.handle(), readOptions));
            }
            FullSnapshotWriter writer = new FullSnapshotWriter(stream, range, metas);
            for (int kg = range.getStartKeyGroup(); kg <= range.getEndKeyGroup(); kg++) {
                writer.beginKeyGroup(kg);
                byte[] prefix = RocksKeyBuilder.keyGroupPrefix(kg);
                for (int s = 0; s < columns.size(); s++) {
                    writeColumn(iterators.get(s), prefix, s, columns.get(s).ttl(), writer);
                }
                writer.endKeyGroup();
            }
            KeyGroupsStateHandle handle = writer.finish();
            return SnapshotResult.of(handle, handle.getStateSize());
        } finally {
            iterators.forEach(RocksIterator::close);
        }
    }

    private static void writeColumn(RocksIterator it, byte[] prefix, int stateIndex, RocksTtlFilter ttl,
                                    FullSnapshotWriter writer) throws Exception {
        long now = ttl == null ? 0 : ttl.now();
        for (it.seek(prefix); it.isValid() && RocksKeyBuilder.startsWith(it.key(), prefix); it.next()) {
            byte[] key = it.key();
            byte[] value = it.value();
            if (ttl != null) {
                value = ttl.filter(value, now);
                if (value == null) {
                    continue;
                }
            }
            writer.writeRecord(stateIndex, key, 2, key.length - 2, value, 0, value.length);
        }
    }
}
