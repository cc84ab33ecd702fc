package io.weir.checkpoint.state.heap;

import io.weir.checkpoint.serialization.DataOutputSerializer;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.KeyedStateBackendParameters;
import io.weir.checkpoint.state.backend.AbstractKeyedStateBackend;
import io.weir.checkpoint.state.backend.AsyncSnapshotTask;
import io.weir.checkpoint.state.backend.FullSnapshotReader;
import io.weir.checkpoint.state.backend.FullSnapshotWriter;
import io.weir.checkpoint.state.backend.StateMeta;
import io.weir.checkpoint.state.internal.InternalListState;
import io.weir.checkpoint.state.internal.InternalMapState;
import io.weir.checkpoint.state.internal.InternalValueState;
import io.weir.checkpoint.state.snapshot.CheckpointStateOutputStream;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import io.weir.checkpoint.state.snapshot.KeyGroupsStateHandle;
import io.weir.checkpoint.state.snapshot.KeyedStateHandle;
import io.weir.checkpoint.state.snapshot.SnapshotResult;
import io.weir.checkpoint.state.ttl.TtlFilter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableFuture;
import java.util.stream.Stream;

/**
 * Keyed state as objects on the heap ({@code state.backend.type: hashmap}), one
 * {@link CopyOnWriteStateTable} per state, with asynchronous copy-on-write snapshots in the
 * backend-independent full format. Restored records of a state stay serialized until the operator
 * declares the state (only then are its serializers known); snapshots taken meanwhile copy them.
 */
public final class HeapKeyedStateBackend<K> extends AbstractKeyedStateBackend<K> {
    private final Map<String, CopyOnWriteStateTable<K, ?, ?>> tables = new LinkedHashMap<>();
    private volatile Map<String, PendingState> pending = new LinkedHashMap<>();
    private final TreeMap<Integer, Integer> runningSnapshots = new TreeMap<>();
    private int version = 1;
    private volatile int highestRetainedVersion;
    private boolean closed;

    /** A restored state not declared yet: its records per key group, never modified once read. */
    private record PendingState(StateMeta meta, List<List<byte[][]>> recordsPerKeyGroup) {
    }

    public HeapKeyedStateBackend(KeyedStateBackendParameters<K> parameters) throws Exception {
        super(parameters);
        for (KeyedStateHandle handle : parameters.getRestoreHandles()) {
            restore(handle);
        }
    }

    private void restore(KeyedStateHandle handle) throws Exception {
        Map<String, PendingState> restored = pending;
        FullSnapshotReader.read(handle, keyGroupRange, new FullSnapshotReader.Visitor() {
            @Override
            public void onStates(List<StateMeta> states) {
                for (StateMeta meta : states) {
                    PendingState p = restored.computeIfAbsent(meta.name(), n -> newPending(meta));
                    p.meta().checkCompatible(meta);
                }
            }

            @Override
            public void onRecord(StateMeta state, int keyGroup, byte[] key, byte[] value) {
                restored.get(state.name()).recordsPerKeyGroup()
                    .get(keyGroup - keyGroupRange.getStartKeyGroup()).add(new byte[][] {key, value});
            }
        });
    }

    private PendingState newPending(StateMeta meta) {
        List<List<byte[][]>> perKeyGroup = new ArrayList<>();
        for (int i = 0; i < keyGroupRange.getNumberOfKeyGroups(); i++) {
            perKeyGroup.add(new ArrayList<>());
        }
        return new PendingState(meta, perKeyGroup);
    }

    int currentVersion() {
        return version;
    }

    int highestRetainedVersion() {
        return highestRetainedVersion;
    }

    @Override
    protected <N, V> InternalValueState<K, N, V> createValueState(StateMeta meta, TypeSerializer<N> ns,
                                                                 TypeSerializer<V> serializer, TtlFilter ttl) throws Exception {
        return new HeapValueState<>(register(meta, ns, new HeapValueState.Layout<>(keySerializer, ns, serializer, ttl), ttl), serializer);
    }

    @Override
    protected <N, T> InternalListState<K, N, T> createListState(StateMeta meta, TypeSerializer<N> ns,
                                                               TypeSerializer<T> elementSerializer, TtlFilter ttl) throws Exception {
        return new HeapListState<>(register(meta, ns, new HeapListState.Layout<>(keySerializer, ns, elementSerializer, ttl), ttl));
    }

    @Override
    protected <N, UK, UV> InternalMapState<K, N, UK, UV> createMapState(StateMeta meta, TypeSerializer<N> ns,
                                                                       TypeSerializer<UK> userKeySerializer,
                                                                       TypeSerializer<UV> userValueSerializer, TtlFilter ttl) throws Exception {
        return new HeapMapState<>(register(meta, ns,
            new HeapMapState.Layout<>(keySerializer, ns, userKeySerializer, userValueSerializer, ttl), ttl));
    }

    private <N, S> CopyOnWriteStateTable<K, N, S> register(StateMeta meta, TypeSerializer<N> ns, HeapLayout<K, N, S> layout,
                                                          TtlFilter ttl) throws IOException {
        CopyOnWriteStateTable<K, N, S> table = new CopyOnWriteStateTable<>(this, meta, ns, layout, ttl);
        PendingState restored = pending.get(meta.name());
        if (restored != null) {
            restored.meta().checkCompatible(meta);
            for (int i = 0; i < restored.recordsPerKeyGroup().size(); i++) {
                for (byte[][] record : restored.recordsPerKeyGroup().get(i)) {
                    table.restoreRecord(keyGroupRange.getStartKeyGroup() + i, keySerializer, record[0], record[1]);
                }
            }
            Map<String, PendingState> rest = new LinkedHashMap<>(pending);
            rest.remove(meta.name());
            pending = rest;
        }
        tables.put(meta.name(), table);
        return table;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N> Stream<K> getKeys(String stateName, N namespace) {
        CopyOnWriteStateTable<K, N, ?> table = (CopyOnWriteStateTable<K, N, ?>) tables.get(stateName);
        return table == null ? Stream.empty() : table.keys(namespace);
    }

    @Override
    public RunnableFuture<SnapshotResult<KeyedStateHandle>> snapshot(long checkpointId, long timestamp,
                                                                     CheckpointStreamFactory streamFactory) {
        if (closed) {
            throw new IllegalStateException("snapshot of a closed keyed backend");
        }
        if (tables.isEmpty() && pending.isEmpty()) {
            FutureTask<SnapshotResult<KeyedStateHandle>> done = new FutureTask<>(SnapshotResult::empty);
            done.run();
            return done;
        }
        int snapshotVersion = version++;
        retain(snapshotVersion);
        List<TableSnapshot<K, ?, ?>> captured = new ArrayList<>();
        for (CopyOnWriteStateTable<K, ?, ?> table : tables.values()) {
            captured.add(TableSnapshot.of(table));
        }
        List<PendingState> pendingStates = new ArrayList<>(pending.values());
        TypeSerializer<K> keySer = keySerializer.duplicate();
        KeyGroupRange range = keyGroupRange;
        return new AsyncSnapshotTask<>(
            () -> writeSnapshot(streamFactory, range, keySer, captured, pendingStates),
            () -> release(snapshotVersion));
    }

    private static <K> SnapshotResult<KeyedStateHandle> writeSnapshot(CheckpointStreamFactory streamFactory, KeyGroupRange range,
                                                                      TypeSerializer<K> keySer, List<TableSnapshot<K, ?, ?>> tables,
                                                                      List<PendingState> pendingStates) throws Exception {
        List<StateMeta> metas = new ArrayList<>();
        tables.forEach(t -> metas.add(t.meta()));
        pendingStates.forEach(p -> metas.add(p.meta()));
        try (CheckpointStateOutputStream stream = streamFactory.createCheckpointStateOutputStream()) {
            FullSnapshotWriter writer = new FullSnapshotWriter(stream, range, metas);
            DataOutputSerializer keyBuf = new DataOutputSerializer(64);
            DataOutputSerializer valueBuf = new DataOutputSerializer(256);
            for (int i = 0; i < range.getNumberOfKeyGroups(); i++) {
                writer.beginKeyGroup(range.getStartKeyGroup() + i);
                for (int s = 0; s < tables.size(); s++) {
                    tables.get(s).writeKeyGroup(i, s, keySer, keyBuf, valueBuf, writer);
                }
                for (int p = 0; p < pendingStates.size(); p++) {
                    for (byte[][] r : pendingStates.get(p).recordsPerKeyGroup().get(i)) {
                        writer.writeRecord(tables.size() + p, r[0], 0, r[0].length, r[1], 0, r[1].length);
                    }
                }
                writer.endKeyGroup();
            }
            KeyGroupsStateHandle handle = writer.finish();
            return SnapshotResult.of(handle, handle.getStateSize());
        }
    }

    private synchronized void retain(int snapshotVersion) {
        runningSnapshots.merge(snapshotVersion, 1, Integer::sum);
        highestRetainedVersion = runningSnapshots.lastKey();
    }

    private synchronized void release(int snapshotVersion) {
        runningSnapshots.computeIfPresent(snapshotVersion, (v, n) -> n == 1 ? null : n - 1);
        highestRetainedVersion = runningSnapshots.isEmpty() ? 0 : runningSnapshots.lastKey();
    }

    /** The table of a declared state (for tests). */
    CopyOnWriteStateTable<K, ?, ?> table(String stateName) {
        return tables.get(stateName);
    }

    /** How many snapshots still pin copy-on-write versions (for tests). */
    synchronized int runningSnapshotCount() {
        return runningSnapshots.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            tables.values().forEach(CopyOnWriteStateTable::clearAll);
            tables.clear();
            pending = Map.of();
        }
    }
}
