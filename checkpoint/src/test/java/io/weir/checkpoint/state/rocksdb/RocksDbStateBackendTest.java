package io.weir.checkpoint.state.rocksdb;

import static io.weir.checkpoint.state.TestSerializers.LONG;
import static io.weir.checkpoint.state.TestSerializers.STRING;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.serialization.DataOutputSerializer;
import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.KeyGroupRangeAssignment;
import io.weir.checkpoint.state.KeyedStateBackend;
import io.weir.checkpoint.state.KeyedStateBackendParameters;
import io.weir.checkpoint.state.StateBackend;
import io.weir.checkpoint.state.StateBackendContractTest;
import io.weir.checkpoint.state.StateBackends;
import io.weir.checkpoint.state.VoidNamespace;
import io.weir.checkpoint.state.heap.HashMapStateBackend;
import io.weir.checkpoint.state.internal.InternalMapState;
import io.weir.checkpoint.metadata.IncrementalKeyedStateHandle;
import io.weir.checkpoint.metadata.PlaceholderStreamStateHandle;
import io.weir.checkpoint.state.snapshot.FsCheckpointStreamFactory;
import io.weir.checkpoint.state.snapshot.KeyedStateHandle;
import io.weir.checkpoint.state.snapshot.StreamStateHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;
import org.rocksdb.StringAppendOperator;

class RocksDbStateBackendTest extends StateBackendContractTest {
    private static final long MEMORY = 64L << 20;

    @Override
    protected StateBackend createStateBackend(Path tempDir) {
        return StateBackends.fromConfiguration(new Configuration()
            .setString("state.backend.type", "rocksdb")
            .setString("state.backend.rocksdb.localdir", tempDir.resolve("rocksdb").toString())
            .setString("state.backend.rocksdb.memory.fixed-per-slot", "64 mb"));
    }

    private RocksDbKeyedStateBackend<String> rocks(KeyedStateBackend<String> b) {
        return (RocksDbKeyedStateBackend<String>) b;
    }

    @Test
    void shouldStoreEachStateInItsOwnColumnFamilyWithKeyGroupKeyNamespaceLayout() throws Exception {
        KeyedStateBackend<String> b = keyed();
        InternalMapState<String, Long, String, Long> totals = b.getOrCreateMapState(LONG, TOTALS);
        b.setCurrentKey("alice");
        b.getState(COUNT).update(3);
        totals.setCurrentNamespace(9L);
        totals.put("x", 1L);
        Path checkpointDir = tempDir.resolve("native");
        rocks(b).createNativeCheckpoint(checkpointDir);

        int kg = KeyGroupRangeAssignment.assignToKeyGroup("alice", MAX_PARALLELISM);
        DataOutputSerializer expected = new DataOutputSerializer(32);
        expected.writeShort(kg);
        STRING.serialize("alice", expected);
        LONG.serialize(9L, expected);
        STRING.serialize("x", expected);
        List<byte[]> families = RocksDB.listColumnFamilies(new org.rocksdb.Options(), checkpointDir.toString());
        List<String> names = families.stream().map(n -> new String(n, StandardCharsets.UTF_8)).toList();
        assertTrue(names.containsAll(List.of("default", "count", "totals")), names.toString());
        assertArrayEquals(expected.toByteArray(), onlyKey(checkpointDir, "totals"));
    }

    private static byte[] onlyKey(Path dir, String family) throws Exception {
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (StringAppendOperator merge = new StringAppendOperator(',');
             ColumnFamilyOptions cfo = new ColumnFamilyOptions().setMergeOperator(merge);
             DBOptions options = new DBOptions();
             RocksDB db = RocksDB.openReadOnly(options, dir.toString(), List.of(
                 new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfo),
                 new ColumnFamilyDescriptor(family.getBytes(StandardCharsets.UTF_8), cfo)), handles)) {
            try (RocksIterator it = db.newIterator(handles.get(1))) {
                it.seekToFirst();
                byte[] key = it.key();
                it.next();
                assertFalse(it.isValid(), "exactly one entry");
                return key;
            } finally {
                handles.forEach(ColumnFamilyHandle::close);
            }
        }
    }

    @Test
    void shouldShareOneBoundedBlockCacheAndWriteBufferManagerAcrossBackends() throws Exception {
        RocksDbStateBackend backend = (RocksDbStateBackend) stateBackend;
        KeyedStateBackend<String> first = keyed();
        KeyedStateBackend<String> second = keyed();
        first.setCurrentKey("a");
        first.getState(COUNT).update(1);
        second.setCurrentKey("a");
        second.getState(TOTALS).put("k", 1L);
        RocksDbSharedResources shared = backend.sharedResources();
        assertNotNull(shared);
        assertEquals((long) ((3 - 0.5) * MEMORY / 3), shared.cacheCapacity());
        assertEquals((long) (2 * MEMORY * 0.5 / 3), shared.writeBufferCapacity());
        assertEquals(String.valueOf(shared.cacheCapacity()),
            rocks(first).db().getProperty(rocks(first).db().getDefaultColumnFamily(), "rocksdb.block-cache-capacity"));
        assertEquals(String.valueOf(shared.cacheCapacity()),
            rocks(second).db().getProperty(rocks(second).db().getDefaultColumnFamily(), "rocksdb.block-cache-capacity"));
        first.close();
        assertSame(shared, backend.sharedResources());
        second.close();
        assertNull(backend.sharedResources(), "shared memory freed with the last instance");
    }

    @Test
    void shouldPartitionIndexAndFilterBlocksOfEveryStateColumnFamily() throws Exception {
        KeyedStateBackend<String> b = keyed();
        b.setCurrentKey("a");
        b.getState(COUNT).update(1);
        Path options;
        try (Stream<Path> files = Files.list(rocks(b).getInstanceDirectory().resolve("db"))) {
            options = files.filter(p -> p.getFileName().toString().startsWith("OPTIONS-")).max(Path::compareTo).orElseThrow();
        }
        String text = Files.readString(options);
        String countFamily = text.substring(text.indexOf("[TableOptions/BlockBasedTable \"count\"]"));
        assertTrue(countFamily.contains("index_type=kTwoLevelIndexSearch"), countFamily);
        assertTrue(countFamily.contains("partition_filters=true"), countFamily);
    }

    @Test
    void shouldCloseCleanlyAcrossManyOpenAndCloseCycles() throws Exception {
        long rssBefore = residentSetKb();
        for (int i = 0; i < 20; i++) {
            KeyedStateBackend<String> b = stateBackend.createKeyedStateBackend(
                KeyedStateBackendParameters.builder(STRING, MAX_PARALLELISM, ALL).operatorIdentifier("cycle").build());
            fillAllKinds(b, 20);
            snapshot(b);
            Path dir = rocks(b).getInstanceDirectory();
            b.close();
            b.close();
            assertFalse(Files.exists(dir), "working directory deleted on close");
        }
        assertNull(((RocksDbStateBackend) stateBackend).sharedResources());
        try (Stream<Path> left = Files.list(tempDir.resolve("rocksdb"))) {
            assertEquals(0, left.count());
        }
        long growthMb = (residentSetKb() - rssBefore) / 1024;
        assertTrue(growthMb < 200, "resident memory grew by " + growthMb + " MB over 20 open/close cycles");
    }

    private static long residentSetKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    @Test
    void shouldRestoreFromANativeCheckpointAtAnotherParallelism() throws Exception {
        KeyedStateBackend<String> b = keyed();
        fillAllKinds(b, 100);
        RocksDbNativeStateHandle handle = rocks(b).createNativeCheckpoint(tempDir.resolve("native-1"));
        assertTrue(handle.getFiles().keySet().stream().anyMatch(f -> f.endsWith(".sst")), handle.getFiles().toString());
        assertTrue(handle.getFiles().containsKey("CURRENT"));
        b.getState(COUNT).update(-5);
        long restoredKeys = 0;
        for (int i = 0; i < 2; i++) {
            KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(MAX_PARALLELISM, 2, i);
            KeyedStateBackend<String> part = keyed(range, List.of(handle.getIntersection(range)));
            part.getState(COUNT);
            restoredKeys += part.getKeys("count", VoidNamespace.INSTANCE).count();
            for (String key : part.getKeys("count", VoidNamespace.INSTANCE).toList()) {
                part.setCurrentKey(key);
                assertEquals(Integer.parseInt(key.substring(1)), part.getState(COUNT).value());
            }
        }
        assertEquals(100, restoredKeys);
        KeyedStateBackend<String> whole = keyed(ALL, List.of(RocksDbNativeStateHandle.fromDirectory(ALL, handle.getDirectory())));
        checkAllKinds(whole, 100);
    }

    @Test
    void shouldRestoreASnapshotOfTheHeapBackendAndViceVersa() throws Exception {
        try (HashMapStateBackend heap = new HashMapStateBackend()) {
            KeyedStateBackend<String> h = heap.createKeyedStateBackend(
                KeyedStateBackendParameters.builder(STRING, MAX_PARALLELISM, ALL).build());
            fillAllKinds(h, 50);
            KeyedStateBackend<String> r = keyed(ALL, List.of(snapshot(h)));
            checkAllKinds(r, 50);
            KeyedStateHandle fromRocks = snapshot(r);
            KeyedStateBackend<String> back = heap.createKeyedStateBackend(
                KeyedStateBackendParameters.builder(STRING, MAX_PARALLELISM, ALL).restoreFrom(List.of(fromRocks)).build());
            checkAllKinds(back, 50);
            h.close();
            back.close();
        }
    }

    @Test
    void shouldUploadOnlyNewSstFilesAfterACompletedCheckpoint() throws Exception {
        KeyedStateBackend<String> b = keyed();
        fillAllKinds(b, 100);
        FsCheckpointStreamFactory shared = new FsCheckpointStreamFactory(tempDir.resolve("shared"), 0);
        IncrementalKeyedStateHandle first = incremental(b, 1, shared);
        assertTrue(first.sharedState().stream().anyMatch(f -> f.localPath().endsWith(".sst")), first.toString());
        assertTrue(first.sharedState().stream().noneMatch(f -> f.handle() instanceof PlaceholderStreamStateHandle));
        assertTrue(first.privateState().stream().anyMatch(f -> f.localPath().equals("CURRENT")));
        b.notifyCheckpointComplete(1);
        b.setCurrentKey("late");
        b.getState(COUNT).update(7);
        IncrementalKeyedStateHandle second = incremental(b, 2, shared);
        long placeholders = second.sharedState().stream().filter(f -> f.handle() instanceof PlaceholderStreamStateHandle).count();
        assertEquals(first.sharedState().size(), placeholders, "files of checkpoint 1 are referenced, not uploaded again");
        assertTrue(second.sharedState().size() > placeholders, "the new SST file is uploaded");
        Map<String, StreamStateHandle> registered = new HashMap<>();
        first.sharedState().forEach(f -> registered.put(f.localPath(), f.handle()));
        List<IncrementalKeyedStateHandle.HandleAndLocalPath> resolved = new ArrayList<>();
        for (IncrementalKeyedStateHandle.HandleAndLocalPath f : second.sharedState()) {
            resolved.add(new IncrementalKeyedStateHandle.HandleAndLocalPath(f.localPath(),
                f.handle() instanceof PlaceholderStreamStateHandle ? registered.get(f.localPath()) : f.handle()));
        }
        second.replaceSharedState(resolved);
        KeyGroupRange half = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(MAX_PARALLELISM, 2, 1);
        KeyedStateBackend<String> restored = keyed(ALL, List.of(second));
        restored.setCurrentKey("late");
        assertEquals(7, restored.getState(COUNT).value());
        restored.getState(COUNT).clear();
        checkAllKinds(restored, 100);
        KeyedStateBackend<String> part = keyed(half, List.of(second.getIntersection(half)));
        part.getState(COUNT);
        assertTrue(part.getKeys("count", VoidNamespace.INSTANCE).allMatch(
            k -> half.contains(KeyGroupRangeAssignment.assignToKeyGroup(k, MAX_PARALLELISM))));
    }

    private IncrementalKeyedStateHandle incremental(KeyedStateBackend<String> b, long id, FsCheckpointStreamFactory shared)
        throws Exception {
        var f = b.snapshotIncremental(id, id, shared, new FsCheckpointStreamFactory(tempDir.resolve("chk-" + id), 64));
        f.run();
        return (IncrementalKeyedStateHandle) f.get().getHandle();
    }
}
