package io.weir.checkpoint.state.operator;

import io.weir.checkpoint.serialization.DataOutputSerializer;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.BroadcastState;
import io.weir.checkpoint.state.ListState;
import io.weir.checkpoint.state.ListStateDescriptor;
import io.weir.checkpoint.state.MapStateDescriptor;
import io.weir.checkpoint.state.OperatorStateBackend;
import io.weir.checkpoint.state.backend.AsyncSnapshotTask;
import io.weir.checkpoint.state.snapshot.CheckpointStateOutputStream;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle.Mode;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle.StateMetaInfo;
import io.weir.checkpoint.state.snapshot.SnapshotResult;
import io.weir.checkpoint.state.snapshot.StreamStateHandle;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableFuture;

/**
 * Operator state on the heap, for both backend types. Stream format: list elements as
 * {@code int length | bytes}, each at an offset recorded in the handle; a broadcast map at one
 * offset as {@code int count | (int keyLength | key | int valueLength or -1 | value)*}.
 * Restored state stays serialized until the operator declares it, and is snapshotted as is meanwhile.
 */
public final class DefaultOperatorStateBackend implements OperatorStateBackend {
    private final String operatorIdentifier;
    private final Map<String, PartitionableListState<?>> listStates = new LinkedHashMap<>();
    private final Map<String, HeapBroadcastState<?, ?>> broadcastStates = new LinkedHashMap<>();
    private final Map<String, PendingState> pending = new LinkedHashMap<>();

    /** Restored, undeclared state: list elements or broadcast entries, serialized. */
    private record PendingState(Mode mode, List<byte[]> elements, List<byte[][]> entries) {
    }

    public DefaultOperatorStateBackend(String operatorIdentifier, Collection<OperatorStateHandle> restoreHandles) throws IOException {
        this.operatorIdentifier = operatorIdentifier;
        for (OperatorStateHandle handle : restoreHandles) {
            restore(handle);
        }
    }

    private void restore(OperatorStateHandle handle) throws IOException {
        ByteBuffer bytes;
        try (InputStream in = handle.getDelegateStateHandle().openInputStream()) {
            bytes = ByteBuffer.wrap(in.readAllBytes());
        }
        for (Map.Entry<String, StateMetaInfo> e : handle.getStateNameToPartitionOffsets().entrySet()) {
            Mode mode = e.getValue().getMode();
            PendingState p = pending.computeIfAbsent(e.getKey(), n -> new PendingState(mode, new ArrayList<>(), new ArrayList<>()));
            if (p.mode() != mode) {
                throw new IOException("operator state '" + e.getKey() + "' of " + operatorIdentifier
                    + " was restored both as " + p.mode() + " and " + mode);
            }
            if (mode == Mode.BROADCAST) {
                if (p.entries().isEmpty()) {
                    readBroadcast(bytes, e.getValue().getOffsets()[0], p.entries());
                }
            } else {
                for (long offset : e.getValue().getOffsets()) {
                    bytes.position(Math.toIntExact(offset));
                    p.elements().add(readBytes(bytes));
                }
            }
        }
    }

    private static void readBroadcast(ByteBuffer bytes, long offset, List<byte[][]> into) {
        bytes.position(Math.toIntExact(offset));
        int count = bytes.getInt();
        for (int i = 0; i < count; i++) {
            byte[] key = readBytes(bytes);
            into.add(new byte[][] {key, readBytes(bytes)});
        }
    }

    private static byte[] readBytes(ByteBuffer bytes) {
        int len = bytes.getInt();
        if (len < 0) {
            return null;
        }
        byte[] b = new byte[len];
        bytes.get(b);
        return b;
    }

    @Override
    public <S> ListState<S> getListState(ListStateDescriptor<S> descriptor) throws IOException {
        return listState(descriptor, Mode.SPLIT_DISTRIBUTE);
    }

    @Override
    public <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor) throws IOException {
        return listState(descriptor, Mode.UNION);
    }

    @SuppressWarnings("unchecked")
    private <S> ListState<S> listState(ListStateDescriptor<S> descriptor, Mode mode) throws IOException {
        String name = descriptor.getName();
        checkNameFree(name, mode);
        PartitionableListState<S> state = (PartitionableListState<S>) listStates.get(name);
        if (state != null) {
            return state;
        }
        state = new PartitionableListState<>(name, descriptor.getElementSerializer(), mode);
        PendingState restored = pending.remove(name);
        if (restored != null) {
            List<S> elements = new ArrayList<>(restored.elements().size());
            for (byte[] b : restored.elements()) {
                elements.add(descriptor.getElementSerializer().deserializeFromBytes(b));
            }
            state.addRestored(elements);
        }
        listStates.put(name, state);
        return state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) throws IOException {
        String name = descriptor.getName();
        checkNameFree(name, Mode.BROADCAST);
        HeapBroadcastState<K, V> state = (HeapBroadcastState<K, V>) broadcastStates.get(name);
        if (state != null) {
            return state;
        }
        state = new HeapBroadcastState<>(name, descriptor.getUserKeySerializer(), descriptor.getUserValueSerializer());
        PendingState restored = pending.remove(name);
        if (restored != null) {
            for (byte[][] e : restored.entries()) {
                state.putRestored(descriptor.getUserKeySerializer().deserializeFromBytes(e[0]),
                    e[1] == null ? null : descriptor.getUserValueSerializer().deserializeFromBytes(e[1]));
            }
        }
        broadcastStates.put(name, state);
        return state;
    }

    private void checkNameFree(String name, Mode mode) {
        Mode existing = broadcastStates.containsKey(name) ? Mode.BROADCAST
            : listStates.containsKey(name) ? listStates.get(name).mode()
            : pending.containsKey(name) ? pending.get(name).mode() : mode;
        if (existing != mode) {
            throw new IllegalStateException("operator state '" + name + "' of " + operatorIdentifier + " is "
                + existing + " and cannot be used as " + mode);
        }
    }

    @Override
    public Set<String> getRegisteredStateNames() {
        Set<String> names = new TreeSet<>(listStates.keySet());
        names.addAll(broadcastStates.keySet());
        return names;
    }

    @Override
    public RunnableFuture<SnapshotResult<OperatorStateHandle>> snapshot(long checkpointId, long timestamp,
                                                                       CheckpointStreamFactory streamFactory) {
        List<ListCopy<?>> lists = new ArrayList<>();
        listStates.values().forEach(s -> lists.add(ListCopy.of(s)));
        List<MapCopy<?, ?>> maps = new ArrayList<>();
        broadcastStates.values().forEach(s -> maps.add(MapCopy.of(s)));
        Map<String, PendingState> pendingCopy = new LinkedHashMap<>(pending);
        if (lists.isEmpty() && maps.isEmpty() && pendingCopy.isEmpty()) {
            FutureTask<SnapshotResult<OperatorStateHandle>> done = new FutureTask<>(SnapshotResult::empty);
            done.run();
            return done;
        }
        return new AsyncSnapshotTask<>(() -> write(streamFactory, lists, maps, pendingCopy), () -> { });
    }

    private record ListCopy<S>(String name, Mode mode, TypeSerializer<S> serializer, List<S> elements) {
        static <S> ListCopy<S> of(PartitionableListState<S> s) {
            return new ListCopy<>(s.name(), s.mode(), s.serializer().duplicate(), s.copyElements());
        }
    }

    private record MapCopy<K, V>(String name, TypeSerializer<K> keySerializer, TypeSerializer<V> valueSerializer, Map<K, V> entries) {
        static <K, V> MapCopy<K, V> of(HeapBroadcastState<K, V> s) {
            return new MapCopy<>(s.name(), s.keySerializer().duplicate(), s.valueSerializer().duplicate(), s.copyEntries());
        }
    }

    private static SnapshotResult<OperatorStateHandle> write(CheckpointStreamFactory factory, List<ListCopy<?>> lists,
                                                             List<MapCopy<?, ?>> maps, Map<String, PendingState> pending)
        throws IOException {
        Map<String, StateMetaInfo> infos = new HashMap<>();
        try (CheckpointStateOutputStream stream = factory.createCheckpointStateOutputStream()) {
            PositionedOutput out = new PositionedOutput(stream);
            for (ListCopy<?> l : lists) {
                infos.put(l.name(), new StateMetaInfo(writeList(out, l), l.mode()));
            }
            for (MapCopy<?, ?> m : maps) {
                infos.put(m.name(), new StateMetaInfo(new long[] {writeMap(out, m)}, Mode.BROADCAST));
            }
            for (Map.Entry<String, PendingState> p : pending.entrySet()) {
                infos.put(p.getKey(), new StateMetaInfo(writeRaw(out, p.getValue()), p.getValue().mode()));
            }
            out.flush();
            long size = stream.getPos();
            StreamStateHandle handle = stream.closeAndGetHandle();
            if (handle == null) {
                handle = new io.weir.checkpoint.state.snapshot.ByteStreamStateHandle("empty-operator-state", new byte[0]);
            }
            return SnapshotResult.of(new OperatorStateHandle(infos, handle), size);
        }
    }

    private static <S> long[] writeList(PositionedOutput out, ListCopy<S> l) throws IOException {
        long[] offsets = new long[l.elements().size()];
        DataOutputSerializer buf = new DataOutputSerializer(64);
        for (int i = 0; i < offsets.length; i++) {
            buf.clear();
            l.serializer().serialize(l.elements().get(i), buf);
            offsets[i] = out.writeBytes(buf.getSharedBuffer(), buf.length());
        }
        return offsets;
    }

    private static <K, V> long writeMap(PositionedOutput out, MapCopy<K, V> m) throws IOException {
        long offset = out.writeInt(m.entries().size());
        DataOutputSerializer buf = new DataOutputSerializer(64);
        for (Map.Entry<K, V> e : m.entries().entrySet()) {
            buf.clear();
            m.keySerializer().serialize(e.getKey(), buf);
            out.writeBytes(buf.getSharedBuffer(), buf.length());
            if (e.getValue() == null) {
                out.writeInt(-1);
            } else {
                buf.clear();
                m.valueSerializer().serialize(e.getValue(), buf);
                out.writeBytes(buf.getSharedBuffer(), buf.length());
            }
        }
        return offset;
    }

    private static long[] writeRaw(PositionedOutput out, PendingState p) throws IOException {
        if (p.mode() == Mode.BROADCAST) {
            long offset = out.writeInt(p.entries().size());
            for (byte[][] e : p.entries()) {
                out.writeBytes(e[0], e[0].length);
                if (e[1] == null) {
                    out.writeInt(-1);
                } else {
                    out.writeBytes(e[1], e[1].length);
                }
            }
            return new long[] {offset};
        }
        long[] offsets = new long[p.elements().size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = out.writeBytes(p.elements().get(i), p.elements().get(i).length);
        }
        return offsets;
    }

    /** A data output that knows its position; each write returns the offset it started at. */
    private static final class PositionedOutput {
        private final DataOutputStream out;
        private long pos;

        PositionedOutput(CheckpointStateOutputStream stream) {
            this.out = new DataOutputStream(new BufferedOutputStream(stream, 16 * 1024));
        }

        long writeInt(int v) throws IOException {
            long start = pos;
            out.writeInt(v);
            pos += 4;
            return start;
        }

        long writeBytes(byte[] b, int len) throws IOException {
            long start = writeInt(len);
            out.write(b, 0, len);
            pos += len;
            return start;
        }

        void flush() throws IOException {
            out.flush();
        }
    }

    @Override
    public void close() {
        listStates.clear();
        broadcastStates.clear();
        pending.clear();
    }
}
