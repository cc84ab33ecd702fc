package io.weir.checkpoint.state.rocksdb;

import io.weir.checkpoint.serialization.DataOutputSerializer;
import io.weir.checkpoint.serialization.TypeSerializer;
import java.io.IOException;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/** What the RocksDB states share: the column family, key building, the namespace and TTL cleanup. */
abstract class AbstractRocksState<K, N> {
    protected final RocksDbKeyedStateBackend<K> backend;
    protected final ColumnFamilyHandle columnFamily;
    protected final String name;
    protected final TypeSerializer<N> namespaceSerializer;
    protected final RocksKeyBuilder<K, N> keyBuilder;
    protected final DataOutputSerializer valueBuffer = new DataOutputSerializer(128);
    private final RocksTtlCleaner cleaner;
    protected N namespace;

    AbstractRocksState(RocksDbKeyedStateBackend<K> backend, ColumnFamilyHandle columnFamily, String name,
                       TypeSerializer<N> namespaceSerializer, RocksTtlCleaner cleaner) {
        this.backend = backend;
        this.columnFamily = columnFamily;
        this.name = name;
        this.namespaceSerializer = namespaceSerializer;
        this.keyBuilder = new RocksKeyBuilder<>(backend.getKeySerializer(), namespaceSerializer);
        this.cleaner = cleaner;
    }

    public void setCurrentNamespace(N namespace) {
        this.namespace = namespace;
    }

    public TypeSerializer<N> getNamespaceSerializer() {
        return namespaceSerializer;
    }

    public String getStateName() {
        return name;
    }

    protected RocksDB db() {
        return backend.db();
    }

    /** Key group, current key and {@code ns}, ready for {@code build()}; runs incremental TTL cleanup first. */
    protected RocksKeyBuilder<K, N> key(N ns) throws IOException {
        backend.checkKeySet(name);
        if (ns == null) {
            throw new IllegalStateException("no namespace set on keyed state '" + name + "'");
        }
        if (cleaner != null) {
            cleaner.onAccess();
        }
        return keyBuilder.start(backend.getCurrentKeyGroupIndex(), backend.getCurrentKey(), ns);
    }

    protected <T> byte[] serialize(TypeSerializer<T> serializer, T value) throws IOException {
        valueBuffer.clear();
        serializer.serialize(value, valueBuffer);
        return valueBuffer.toByteArray();
    }

    protected IOException failure(String operation, RocksDBException e) {
        return new IOException("RocksDB failed to " + operation + " state '" + name + "': " + e.getMessage(), e);
    }

    public void clear() {
        try {
            db().delete(columnFamily, backend.writeOptions(), key(namespace).build());
        } catch (RocksDBException e) {
            throw new IllegalStateException(failure("clear", e));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
