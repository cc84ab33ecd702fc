package io.weir.checkpoint.state.rocksdb;

import io.weir.checkpoint.serialization.DataInputDeserializer;
import io.weir.checkpoint.serialization.DataOutputSerializer;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.internal.InternalMapState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * A map state in RocksDB: one entry per user key, keyed {@code key group | key | namespace | user key},
 * valued {@code null flag | user value}. Iteration is a prefix scan that loads {@value #BATCH}
 * entries at a time, so no RocksDB iterator stays open between calls.
 */
final class RocksMapState<K, N, UK, UV> extends AbstractRocksState<K, N> implements InternalMapState<K, N, UK, UV> {
    static final int BATCH = 128;

    private final TypeSerializer<UK> userKeySerializer;
    private final TypeSerializer<UV> userValueSerializer;

    RocksMapState(RocksDbKeyedStateBackend<K> backend, ColumnFamilyHandle cf, String name, TypeSerializer<N> ns,
                  TypeSerializer<UK> userKeySerializer, TypeSerializer<UV> userValueSerializer, RocksTtlCleaner cleaner) {
        super(backend, cf, name, ns, cleaner);
        this.userKeySerializer = userKeySerializer;
        this.userValueSerializer = userValueSerializer;
    }

    @Override
    public UV get(UK key) throws IOException {
        try {
            byte[] bytes = db().get(columnFamily, key(namespace).buildWith(userKeySerializer, key));
            return bytes == null ? null : deserializeValue(bytes);
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
    }

    @Override
    public void put(UK key, UV value) throws IOException {
        try {
            db().put(columnFamily, backend.writeOptions(), key(namespace).buildWith(userKeySerializer, key), serializeValue(value));
        } catch (RocksDBException e) {
            throw failure("write", e);
        }
    }

    @Override
    public void putAll(Map<UK, UV> map) throws IOException {
        if (map == null || map.isEmpty()) {
            return;
        }
        RocksKeyBuilder<K, N> builder = key(namespace);
        try (WriteBatch batch = new WriteBatch()) {
            for (Map.Entry<UK, UV> e : map.entrySet()) {
                batch.put(columnFamily, builder.buildWith(userKeySerializer, e.getKey()), serializeValue(e.getValue()));
            }
            db().write(backend.writeOptions(), batch);
        } catch (RocksDBException e) {
            throw failure("write", e);
        }
    }

    @Override
    public void remove(UK key) throws IOException {
        try {
            db().delete(columnFamily, backend.writeOptions(), key(namespace).buildWith(userKeySerializer, key));
        } catch (RocksDBException e) {
            throw failure("remove from", e);
        }
    }

    @Override
    public boolean contains(UK key) throws IOException {
        try {
            return db().get(columnFamily, key(namespace).buildWith(userKeySerializer, key)) != null;
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() throws IOException {
        byte[] prefix = key(namespace).build();
        return () -> new PrefixIterator<>(prefix, Function.identity());
    }

    @Override
    public Iterable<UK> keys() throws IOException {
        byte[] prefix = key(namespace).build();
        return () -> new PrefixIterator<>(prefix, Map.Entry::getKey);
    }

    @Override
    public Iterable<UV> values() throws IOException {
        byte[] prefix = key(namespace).build();
        return () -> new PrefixIterator<>(prefix, Map.Entry::getValue);
    }

    @Override
    public boolean isEmpty() throws IOException {
        byte[] prefix = key(namespace).build();
        try (RocksIterator it = db().newIterator(columnFamily)) {
            it.seek(prefix);
            return !(it.isValid() && RocksKeyBuilder.startsWith(it.key(), prefix));
        }
    }

    @Override
    public void clear() {
        try {
            byte[] prefix = key(namespace).build();
            try (RocksIterator it = db().newIterator(columnFamily); WriteBatch batch = new WriteBatch()) {
                for (it.seek(prefix); it.isValid() && RocksKeyBuilder.startsWith(it.key(), prefix); it.next()) {
                    batch.delete(columnFamily, it.key());
                }
                db().write(backend.writeOptions(), batch);
            }
        } catch (RocksDBException e) {
            throw new IllegalStateException(failure("clear", e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] serializeValue(UV value) throws IOException {
        DataOutputSerializer out = valueBuffer;
        out.clear();
        out.writeBoolean(value == null);
        if (value != null) {
            userValueSerializer.serialize(value, out);
        }
        return out.toByteArray();
    }

    private UV deserializeValue(byte[] bytes) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        return in.readBoolean() ? null : userValueSerializer.deserialize(in);
    }

    /** Entries with a given prefix, loaded in batches; {@code remove} deletes the last returned entry. */
    private final class PrefixIterator<T> implements Iterator<T> {
        private final byte[] prefix;
        private final Function<Map.Entry<UK, UV>, T> view;
        private final List<byte[]> rawKeys = new ArrayList<>();
        private final List<Map.Entry<UK, UV>> batch = new ArrayList<>();
        private int next;
        private boolean exhausted;
        private byte[] lastReturnedKey;
        private byte[] seekFrom;

        PrefixIterator(byte[] prefix, Function<Map.Entry<UK, UV>, T> view) {
            this.prefix = prefix;
            this.view = view;
            this.seekFrom = prefix;
        }

        @Override
        public boolean hasNext() {
            if (next < batch.size()) {
                return true;
            }
            if (exhausted) {
                return false;
            }
            loadBatch();
            return next < batch.size();
        }

        private void loadBatch() {
            batch.clear();
            rawKeys.clear();
            next = 0;
            try (RocksIterator it = db().newIterator(columnFamily)) {
                it.seek(seekFrom);
                if (seekFrom != prefix && it.isValid() && Arrays.equals(it.key(), seekFrom)) {
                    it.next();
                }
                while (it.isValid() && RocksKeyBuilder.startsWith(it.key(), prefix) && batch.size() < BATCH) {
                    byte[] k = it.key();
                    DataInputDeserializer in = new DataInputDeserializer(k, prefix.length, k.length - prefix.length);
                    batch.add(new AbstractMap.SimpleImmutableEntry<>(userKeySerializer.deserialize(in), deserializeValue(it.value())));
                    rawKeys.add(k);
                    it.next();
                }
                exhausted = batch.size() < BATCH;
                if (!batch.isEmpty()) {
                    seekFrom = rawKeys.get(rawKeys.size() - 1);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read map state '" + name + "'", e);
            }
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            lastReturnedKey = rawKeys.get(next);
            return view.apply(batch.get(next++));
        }

        @Override
        public void remove() {
            if (lastReturnedKey == null) {
                throw new IllegalStateException("next() not called");
            }
            try {
                db().delete(columnFamily, backend.writeOptions(), lastReturnedKey);
            } catch (RocksDBException e) {
                throw new IllegalStateException(failure("remove from", e));
            }
            lastReturnedKey = null;
        }
    }
}
