package io.weir.checkpoint.state.heap;

import io.weir.checkpoint.serialization.DataOutputSerializer;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.backend.FullSnapshotWriter;
import io.weir.checkpoint.state.backend.StateMeta;
import io.weir.checkpoint.state.heap.CopyOnWriteStateTable.Entry;
import io.weir.checkpoint.state.heap.CopyOnWriteStateTable.KeyGroupMap;
import io.weir.checkpoint.state.ttl.TtlFilter;
import java.io.IOException;
import java.util.Map;

/** What a snapshot captured of one table: its key-group maps and thread-confined serializers. */
record TableSnapshot<K, N, S>(StateMeta meta, KeyGroupMap<K, N, S>[] maps, HeapLayout<K, N, S> layout,
                              TypeSerializer<N> namespaceSerializer, TtlFilter ttl) {

    static <K, N, S> TableSnapshot<K, N, S> of(CopyOnWriteStateTable<K, N, S> table) {
        return new TableSnapshot<>(table.meta(), table.captureMaps(), table.layout().duplicate(),
            table.namespaceSerializer().duplicate(), table.ttl());
    }

    /** Writes the records of key group number {@code index} (relative to the range start). */
    void writeKeyGroup(int index, int stateIndex, TypeSerializer<K> keySerializer, DataOutputSerializer keyBuf,
                       DataOutputSerializer valueBuf, FullSnapshotWriter writer) throws IOException {
        long now = ttl == null ? 0 : ttl.now();
        for (Map.Entry<StateKey<K, N>, Entry<S>> e : maps[index].map.entrySet()) {
            S value = e.getValue().value;
            if (ttl != null) {
                value = layout.removeExpired(value, now);
                if (value == null) {
                    continue;
                }
            }
            keyBuf.clear();
            valueBuf.clear();
            keySerializer.serialize(e.getKey().key(), keyBuf);
            namespaceSerializer.serialize(e.getKey().namespace(), keyBuf);
            int prefix = keyBuf.length();
            layout.writeRecords(e.getKey().key(), e.getKey().namespace(), value, new HeapLayout.RecordOutput() {
                @Override
                public DataOutputSerializer keyBuffer() {
                    return keyBuf;
                }

                @Override
                public DataOutputSerializer valueBuffer() {
                    return valueBuf;
                }

                @Override
                public void emit() throws IOException {
                    writer.writeRecord(stateIndex, keyBuf.getSharedBuffer(), 0, keyBuf.length(),
                        valueBuf.getSharedBuffer(), 0, valueBuf.length());
                    keyBuf.setPosition(prefix);
                    valueBuf.clear();
                }
            });
        }
    }
}
