package io.weir.checkpoint.state.rocksdb;

import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.backend.StateMeta;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.TtlDB;

/**
 * Restores from a native checkpoint: opens it read-only (as a {@link TtlDB}, like the backend) and copies the entries of the wanted
 * key groups, column family by column family (a key group is a contiguous key range).
 */
final class RocksNativeRestore {

    /** Opens the destination of one column family's entries. */
    interface Targets {
        RocksDbKeyedStateBackend.RestoreTarget open(StateMeta meta) throws RocksDBException;
    }

    private RocksNativeRestore() {
    }

    static void restore(RocksDbNativeStateHandle handle, KeyGroupRange range, ColumnFamilyOptions columnFamilyOptions,
                        Targets targets) throws Exception {
        KeyGroupRange common = handle.getKeyGroupRange().getIntersection(range);
        if (common.isEmpty()) {
            return;
        }
        if (!Files.isDirectory(handle.getDirectory())) {
            throw new java.io.IOException("native RocksDB checkpoint directory '" + handle.getDirectory() + "' does not exist");
        }
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, columnFamilyOptions));
        for (StateMeta meta : handle.getStates()) {
            descriptors.add(new ColumnFamilyDescriptor(meta.name().getBytes(StandardCharsets.UTF_8), columnFamilyOptions));
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        // opened as a TtlDB (no TTL, read-only: nothing is compacted) so that values lose their write-time suffix
        List<Integer> noTtl = Collections.nCopies(descriptors.size(), 0);
        try (DBOptions options = new DBOptions();
             RocksDB source = TtlDB.open(options, handle.getDirectory().toString(), descriptors, handles, noTtl, true)) {
            try {
                for (int i = 0; i < handle.getStates().size(); i++) {
                    copy(source, handles.get(i + 1), common, targets.open(handle.getStates().get(i)));
                }
            } finally {
                handles.forEach(ColumnFamilyHandle::close);
            }
        }
    }

    private static void copy(RocksDB source, ColumnFamilyHandle cf, KeyGroupRange range,
                             RocksDbKeyedStateBackend.RestoreTarget target) throws RocksDBException {
        try (target; RocksIterator it = source.newIterator(cf)) {
            for (it.seek(RocksKeyBuilder.keyGroupPrefix(range.getStartKeyGroup()));
                 it.isValid() && RocksKeyBuilder.readKeyGroup(it.key()) <= range.getEndKeyGroup(); it.next()) {
                target.put(it.key(), it.value());
            }
        }
    }
}
