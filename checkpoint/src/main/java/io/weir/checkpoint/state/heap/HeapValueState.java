package io.weir.checkpoint.state.heap;

import io.weir.checkpoint.serialization.DataInputDeserializer;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.internal.InternalValueState;
import io.weir.checkpoint.state.ttl.TtlFilter;
import io.weir.checkpoint.state.ttl.TtlValue;
import java.io.IOException;

/** A heap value state (also the storage of reducing and aggregating states). */
final class HeapValueState<K, N, V> implements InternalValueState<K, N, V> {
    private final CopyOnWriteStateTable<K, N, V> table;
    private final boolean immutable;
    private N namespace;

    HeapValueState(CopyOnWriteStateTable<K, N, V> table, TypeSerializer<V> serializer) {
        this.table = table;
        this.immutable = serializer.isImmutableType();
    }

    @Override
    public V value() {
        table.onAccess();
        // a mutable value handed out may be changed by the caller, so it must not be shared with a snapshot
        return immutable ? table.get(namespace) : table.getForUpdate(namespace);
    }

    @Override
    public void update(V value) {
        table.onAccess();
        if (value == null) {
            table.remove(namespace);
        } else {
            table.put(namespace, value);
        }
    }

    @Override
    public void clear() {
        table.remove(namespace);
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        this.namespace = namespace;
    }

    @Override
    public TypeSerializer<N> getNamespaceSerializer() {
        return table.namespaceSerializer();
    }

    @Override
    public String getStateName() {
        return table.meta().name();
    }

    /** One value per entry; one record per entry. */
    static final class Layout<K, N, V> implements HeapLayout<K, N, V> {
        private final TypeSerializer<K> keySerializer;
        private final TypeSerializer<N> namespaceSerializer;
        private final TypeSerializer<V> serializer;
        private final TtlFilter ttl;

        Layout(TypeSerializer<K> keySerializer, TypeSerializer<N> namespaceSerializer, TypeSerializer<V> serializer, TtlFilter ttl) {
            this.keySerializer = keySerializer;
            this.namespaceSerializer = namespaceSerializer;
            this.serializer = serializer;
            this.ttl = ttl;
        }

        @Override
        public V copy(V value) {
            return serializer.copy(value);
        }

        @Override
        public V removeExpired(V value, long now) {
            return ttl != null && ttl.isExpired((TtlValue<?>) value, now) ? null : value;
        }

        @Override
        public void writeRecords(K key, N namespace, V value, RecordOutput out) throws IOException {
            serializer.serialize(value, out.valueBuffer());
            out.emit();
        }

        @Override
        public V restoreRecord(V current, DataInputDeserializer keyRest, byte[] value) throws IOException {
            return serializer.deserializeFromBytes(value);
        }

        @Override
        public HeapLayout<K, N, V> duplicate() {
            return new Layout<>(keySerializer.duplicate(), namespaceSerializer.duplicate(), serializer.duplicate(), ttl);
        }
    }
}
