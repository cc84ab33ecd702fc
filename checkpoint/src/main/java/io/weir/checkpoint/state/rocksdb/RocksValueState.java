package io.weir.checkpoint.state.rocksdb;

import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.internal.InternalValueState;
import java.io.IOException;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/** A value state in RocksDB: one entry per (key, namespace). */
final class RocksValueState<K, N, V> extends AbstractRocksState<K, N> implements InternalValueState<K, N, V> {
    private final TypeSerializer<V> serializer;

    RocksValueState(RocksDbKeyedStateBackend<K> backend, ColumnFamilyHandle cf, String name, TypeSerializer<N> ns,
                    TypeSerializer<V> serializer, RocksTtlCleaner cleaner) {
        super(backend, cf, name, ns, cleaner);
        this.serializer = serializer;
    }

    @Override
    public V value() throws IOException {
        try {
            byte[] bytes = db().get(columnFamily, key(namespace).build());
            return bytes == null ? null : serializer.deserializeFromBytes(bytes);
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
    }

    @Override
    public void update(V value) throws IOException {
        if (value == null) {
            clear();
            return;
        }
        try {
            db().put(columnFamily, backend.writeOptions(), key(namespace).build(), serialize(serializer, value));
        } catch (RocksDBException e) {
            throw failure("write", e);
        }
    }
}
