package io.weir.checkpoint.state.rocksdb;

import io.weir.checkpoint.serialization.DataInputDeserializer;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.internal.InternalListState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * A list state in RocksDB: one entry per (key, namespace) holding the elements joined by
 * {@link #DELIMITER}; {@code add} is a RocksDB merge (string-append operator), so appending never
 * reads the list.
 */
final class RocksListState<K, N, T> extends AbstractRocksState<K, N> implements InternalListState<K, N, T> {
    static final int DELIMITER = ',';

    private final TypeSerializer<T> elementSerializer;

    RocksListState(RocksDbKeyedStateBackend<K> backend, ColumnFamilyHandle cf, String name, TypeSerializer<N> ns,
                   TypeSerializer<T> elementSerializer, RocksTtlCleaner cleaner) {
        super(backend, cf, name, ns, cleaner);
        this.elementSerializer = elementSerializer;
    }

    @Override
    public Iterable<T> get() throws IOException {
        try {
            byte[] bytes = db().get(columnFamily, key(namespace).build());
            return bytes == null ? null : deserializeList(bytes);
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
    }

    private List<T> deserializeList(byte[] bytes) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        List<T> list = new ArrayList<>();
        while (in.available() > 0) {
            list.add(elementSerializer.deserialize(in));
            if (in.available() > 0) {
                in.readByte();
            }
        }
        return list.isEmpty() ? null : list;
    }

    @Override
    public void add(T value) throws IOException {
        checkElement(value);
        try {
            db().merge(columnFamily, backend.writeOptions(), key(namespace).build(), serialize(elementSerializer, value));
        } catch (RocksDBException e) {
            throw failure("append to", e);
        }
    }

    @Override
    public void update(List<T> values) throws IOException {
        if (values == null || values.isEmpty()) {
            clear();
            return;
        }
        try {
            db().put(columnFamily, backend.writeOptions(), key(namespace).build(), join(values));
        } catch (RocksDBException e) {
            throw failure("write", e);
        }
    }

    @Override
    public void addAll(List<T> values) throws IOException {
        if (values == null || values.isEmpty()) {
            return;
        }
        try {
            db().merge(columnFamily, backend.writeOptions(), key(namespace).build(), join(values));
        } catch (RocksDBException e) {
            throw failure("append to", e);
        }
    }

    private byte[] join(List<T> values) throws IOException {
        valueBuffer.clear();
        for (int i = 0; i < values.size(); i++) {
            T v = checkElement(values.get(i));
            if (i > 0) {
                valueBuffer.write(DELIMITER);
            }
            elementSerializer.serialize(v, valueBuffer);
        }
        return valueBuffer.toByteArray();
    }

    @Override
    public void mergeNamespaces(N target, Collection<N> sources) throws IOException {
        try {
            byte[] targetKey = key(target).build();
            for (N source : sources) {
                if (source.equals(target)) {
                    continue;
                }
                byte[] sourceKey = key(source).build();
                byte[] bytes = db().get(columnFamily, sourceKey);
                if (bytes != null) {
                    db().delete(columnFamily, backend.writeOptions(), sourceKey);
                    db().merge(columnFamily, backend.writeOptions(), targetKey, bytes);
                }
            }
        } catch (RocksDBException e) {
            throw failure("merge namespaces of", e);
        }
    }

    private T checkElement(T value) {
        if (value == null) {
            throw new NullPointerException("list state '" + name + "' does not accept null elements");
        }
        return value;
    }
}
