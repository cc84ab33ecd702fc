package io.weir.checkpoint.state.heap;

import io.weir.checkpoint.serialization.DataInputDeserializer;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.internal.InternalListState;
import io.weir.checkpoint.state.ttl.TtlFilter;
import io.weir.checkpoint.state.ttl.TtlValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** A heap list state: an {@code ArrayList} per entry, never empty. */
final class HeapListState<K, N, T> implements InternalListState<K, N, T> {
    /** Separates elements in a list record (RocksDB's string-append merge operator uses the same). */
    static final int DELIMITER = ',';

    private final CopyOnWriteStateTable<K, N, ArrayList<T>> table;
    private N namespace;

    HeapListState(CopyOnWriteStateTable<K, N, ArrayList<T>> table) {
        this.table = table;
    }

    @Override
    public Iterable<T> get() {
        table.onAccess();
        ArrayList<T> list = table.get(namespace);
        return list == null ? null : Collections.unmodifiableList(list);
    }

    @Override
    public void add(T value) {
        checkElement(value);
        table.onAccess();
        ArrayList<T> list = table.getForUpdate(namespace);
        if (list == null) {
            list = new ArrayList<>(4);
            list.add(value);
            table.put(namespace, list);
        } else {
            list.add(value);
        }
    }

    @Override
    public void update(List<T> values) {
        table.onAccess();
        if (values == null || values.isEmpty()) {
            table.remove(namespace);
            return;
        }
        values.forEach(this::checkElement);
        table.put(namespace, new ArrayList<>(values));
    }

    @Override
    public void addAll(List<T> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        values.forEach(this::checkElement);
        table.onAccess();
        ArrayList<T> list = table.getForUpdate(namespace);
        if (list == null) {
            table.put(namespace, new ArrayList<>(values));
        } else {
            list.addAll(values);
        }
    }

    @Override
    public void mergeNamespaces(N target, Collection<N> sources) {
        ArrayList<T> merged = new ArrayList<>();
        for (N source : sources) {
            if (!source.equals(target)) {
                ArrayList<T> list = table.get(source);
                if (list != null) {
                    merged.addAll(list);
                    table.remove(source);
                }
            }
        }
        if (merged.isEmpty()) {
            return;
        }
        ArrayList<T> list = table.getForUpdate(target);
        if (list == null) {
            table.put(target, merged);
        } else {
            list.addAll(merged);
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

    private void checkElement(T value) {
        if (value == null) {
            throw new NullPointerException("list state '" + getStateName() + "' does not accept null elements");
        }
    }

    /** One record per entry: the elements joined by {@link #DELIMITER}. */
    static final class Layout<K, N, T> implements HeapLayout<K, N, ArrayList<T>> {
        private final TypeSerializer<K> keySerializer;
        private final TypeSerializer<N> namespaceSerializer;
        private final TypeSerializer<T> elementSerializer;
        private final TtlFilter ttl;

        Layout(TypeSerializer<K> keySerializer, TypeSerializer<N> namespaceSerializer, TypeSerializer<T> elementSerializer,
               TtlFilter ttl) {
            this.keySerializer = keySerializer;
            this.namespaceSerializer = namespaceSerializer;
            this.elementSerializer = elementSerializer;
            this.ttl = ttl;
        }

        @Override
        public ArrayList<T> copy(ArrayList<T> value) {
            if (elementSerializer.isImmutableType()) {
                return new ArrayList<>(value);
            }
            ArrayList<T> copy = new ArrayList<>(value.size());
            for (T e : value) {
                copy.add(elementSerializer.copy(e));
            }
            return copy;
        }

        @Override
        public ArrayList<T> removeExpired(ArrayList<T> value, long now) {
            if (ttl == null) {
                return value;
            }
            ArrayList<T> live = new ArrayList<>(value.size());
            for (T e : value) {
                if (!ttl.isExpired((TtlValue<?>) e, now)) {
                    live.add(e);
                }
            }
            return live.size() == value.size() ? value : live.isEmpty() ? null : live;
        }

        @Override
        public void writeRecords(K key, N namespace, ArrayList<T> value, RecordOutput out) throws IOException {
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    out.valueBuffer().write(DELIMITER);
                }
                elementSerializer.serialize(value.get(i), out.valueBuffer());
            }
            out.emit();
        }

        @Override
        public ArrayList<T> restoreRecord(ArrayList<T> current, DataInputDeserializer keyRest, byte[] value) throws IOException {
            ArrayList<T> list = current == null ? new ArrayList<>() : current;
            DataInputDeserializer in = new DataInputDeserializer(value);
            while (in.available() > 0) {
                list.add(elementSerializer.deserialize(in));
                if (in.available() > 0) {
                    in.readByte();
                }
            }
            return list;
        }

        @Override
        public HeapLayout<K, N, ArrayList<T>> duplicate() {
            return new Layout<>(keySerializer.duplicate(), namespaceSerializer.duplicate(), elementSerializer.duplicate(), ttl);
        }
    }
}
