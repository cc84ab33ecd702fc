package io.weir.checkpoint.state.rocksdb;

import io.weir.checkpoint.metadata.IncrementalKeyedStateHandle;
import io.weir.checkpoint.serialization.DataInputDeserializer;
import io.weir.checkpoint.serialization.DataOutputSerializer;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.KeyedStateBackendParameters;
import io.weir.checkpoint.state.backend.AbstractKeyedStateBackend;
import io.weir.checkpoint.state.backend.AsyncSnapshotTask;
import io.weir.checkpoint.state.backend.FullSnapshotReader;
import io.weir.checkpoint.state.backend.StateMeta;
import io.weir.checkpoint.state.internal.InternalListState;
import io.weir.checkpoint.state.internal.InternalMapState;
import io.weir.checkpoint.state.internal.InternalValueState;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import io.weir.checkpoint.state.snapshot.KeyedStateHandle;
import io.weir.checkpoint.state.snapshot.SnapshotResult;
import io.weir.checkpoint.state.ttl.TtlFilter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableFuture;
import java.util.stream.Stream;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.IndexType;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.TtlDB;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Keyed state in one embedded RocksDB instance ({@code state.backend.type: rocksdb}), one column
 * family per state, keys laid out by {@link RocksKeyBuilder}. The backend stores bytes only;
 * serializers live in the states. Snapshots: a full, key-group-ordered scan of a RocksDB snapshot
 * in the backend-independent format ({@link #snapshot}), or a native RocksDB checkpoint
 * ({@link #createNativeCheckpoint}) for incremental checkpoints.
 *
 * <p>TTL cleanup. The database is a {@link TtlDB} (RocksDB's DBWithTTL): every value carries a
 * 4-byte write time in wall-clock seconds, invisible to reads and iterators, and the column family
 * of a TTL state is created with its TTL rounded up to whole seconds
 * ({@link RocksCompactionTtl}), so RocksDB's native compaction filter drops the entries that
 * expired by wall-clock time. Visibility still follows the configured TTL time provider: reads
 * and snapshots check Weir's own timestamp, and incremental cleanup ({@link RocksTtlCleaner})
 * removes entries expired by that clock. Other column families have TTL 0 (never expire).
 *
 * <p>Maintenance notes. The write-ahead log is off: durability comes from checkpoints, and a
 * restarted task restores from a checkpoint into a fresh directory. {@link #close()} waits for
 * running asynchronous snapshots, then closes every RocksDB object in reverse order of creation
 * and deletes the instance directory; shared memory is released through the state backend.
 * Snapshot futures that were never run are cancelled by {@code close()}.
 */
public final class RocksDbKeyedStateBackend<K> extends AbstractKeyedStateBackend<K> {
    private static final int RESTORE_BATCH = 1_000;

    private final Path instanceDir;
    private final Runnable releaseSharedResources;
    private final RocksDbSharedResources shared;
    private final List<AutoCloseable> nativeObjects = new ArrayList<>();
    private final ColumnFamilyOptions columnFamilyOptions;
    private final DBOptions dbOptions;
    private final WriteOptions writeOptions;
    private final TtlDB db;
    /** Handles of column families dropped when a restored state got a longer TTL; closed by {@link #close()}. */
    private final List<ColumnFamilyHandle> droppedHandles = new ArrayList<>();
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final Set<AsyncSnapshotTask<?>> snapshotTasks = Collections.newSetFromMap(new IdentityHashMap<>());
    private final RocksIncrementalSnapshots incremental = new RocksIncrementalSnapshots();
    private int runningSnapshots;
    private boolean closed;

    /**
     * A column family with the state it holds; {@code ttl} is set once the state is declared, and
     * {@code compactionTtlSeconds} is the TTL the column family was created with (0 = never expires).
     */
    private static final class Column {
        StateMeta meta;
        final ColumnFamilyHandle handle;
        final int compactionTtlSeconds;
        RocksTtlFilter ttl;
        boolean declared;

        Column(StateMeta meta, ColumnFamilyHandle handle, int compactionTtlSeconds) {
            this.meta = meta;
            this.handle = handle;
            this.compactionTtlSeconds = compactionTtlSeconds;
        }
    }

    RocksDbKeyedStateBackend(KeyedStateBackendParameters<K> parameters, Path instanceDir, RocksDbSharedResources shared,
                             Runnable releaseSharedResources) throws Exception {
        super(parameters);
        this.instanceDir = instanceDir;
        this.shared = shared;
        this.releaseSharedResources = releaseSharedResources;
        try {
            this.columnFamilyOptions = track(newColumnFamilyOptions());
            this.dbOptions = track(newDbOptions());
            this.writeOptions = track(new WriteOptions().setDisableWAL(true));
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            this.db = TtlDB.open(dbOptions, instanceDir.resolve("db").toString(),
                List.of(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, columnFamilyOptions)), handles,
                List.of(0), false);
            nativeObjects.add(db);
            nativeObjects.add(handles.get(0));
            for (KeyedStateHandle handle : parameters.getRestoreHandles()) {
                restore(handle);
            }
        } catch (Exception | Error e) {
            closeNativeObjects();
            throw e;
        }
    }

    private <T extends AutoCloseable> T track(T object) {
        nativeObjects.add(object);
        return object;
    }

    private ColumnFamilyOptions newColumnFamilyOptions() {
        // RocksDB's string-append operator v2 ("stringappendtest", Flink's choice): it merges all pending appends to
        // a list in one pass, where the associative v1 operator copies the growing list once per append, which is
        // quadratic for a list with many appends (a window join's rows of one key and window)
        ColumnFamilyOptions options = new ColumnFamilyOptions().setMergeOperatorName("stringappendtest");
        // point lookups (value state, map get) dominate; a bloom filter spares reads of SST files without the key
        BlockBasedTableConfig table = new BlockBasedTableConfig().setFilterPolicy(track(new BloomFilter(10, false)));
        if (shared != null) {
            // index and filter blocks live in the bounded cache; partitioned (as Flink's partitioned-index-filters),
            // so a lookup loads one small partition instead of a whole-file filter larger than a cache shard
            table.setBlockCache(shared.cache())
                .setCacheIndexAndFilterBlocks(true)
                .setCacheIndexAndFilterBlocksWithHighPriority(true)
                .setPinL0FilterAndIndexBlocksInCache(true)
                .setIndexType(IndexType.kTwoLevelIndexSearch)
                .setPartitionFilters(true)
                .setPinTopLevelIndexAndFilter(true);
            options.setWriteBufferSize(Math.max(1 << 20, Math.min(64L << 20, shared.writeBufferCapacity() / 4)));
        }
        options.setTableFormatConfig(table);
        return options;
    }

    private DBOptions newDbOptions() {
        DBOptions options = new DBOptions()
            .setCreateIfMissing(true)
            .setCreateMissingColumnFamilies(true)
            .setInfoLogLevel(InfoLogLevel.HEADER_LEVEL)
            .setStatsDumpPeriodSec(0)
            .setKeepLogFileNum(2)
            // the working directory is deleted on close, so flushing memtables then would be wasted work
            .setAvoidFlushDuringShutdown(true);
        if (shared != null) {
            options.setWriteBufferManager(shared.writeBufferManager());
        }
        return options;
    }

    RocksDB db() {
        return db;
    }

    /** The column family holding a state, or null (for tests and diagnostics). */
    ColumnFamilyHandle columnFamily(String stateName) {
        Column c = columns.get(stateName);
        return c == null ? null : c.handle;
    }

    WriteOptions writeOptions() {
        return writeOptions;
    }

    /** The instance's working directory (for tests and diagnostics). */
    public Path getInstanceDirectory() {
        return instanceDir;
    }

    /**
     * The column family of a state, creating it as needed (with the compaction TTL of {@code meta})
     * and checking that a restored one is compatible with {@code meta}.
     */
    private Column column(StateMeta meta) throws RocksDBException {
        Column c = columns.get(meta.name());
        if (c != null) {
            c.meta.checkCompatible(meta);
            return c;
        }
        int ttlSeconds = RocksCompactionTtl.seconds(meta);
        c = new Column(meta, db.createColumnFamilyWithTtl(descriptor(meta.name()), ttlSeconds), ttlSeconds);
        columns.put(meta.name(), c);
        return c;
    }

    private ColumnFamilyDescriptor descriptor(String name) {
        return new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), columnFamilyOptions);
    }

    /**
     * Declares a state: its column family keeps the restored one's compaction TTL unless the
     * declared TTL is longer (compaction would then drop entries that are not expired yet), in
     * which case the restored entries move into a column family with the declared TTL.
     */
    private Column declare(StateMeta meta, TtlFilter ttl, TypeSerializer<?> elementSerializer) throws RocksDBException {
        Column c = column(meta);
        if (c.compactionTtlSeconds > 0 && c.compactionTtlSeconds < RocksCompactionTtl.seconds(meta)) {
            c = recreate(c, meta);
        }
        c.meta = meta;
        c.declared = true;
        if (ttl != null) {
            c.ttl = new RocksTtlFilter(meta.layout(), ttl, elementSerializer);
        }
        return c;
    }

    /** Moves a column family's entries into a new one with {@code meta}'s compaction TTL, via a column family without TTL. */
    private Column recreate(Column old, StateMeta meta) throws RocksDBException {
        ColumnFamilyHandle temp = db.createColumnFamilyWithTtl(descriptor("weir-ttl-move:" + meta.name()), 0);
        try {
            copyAll(old.handle, temp);
            db.dropColumnFamily(old.handle);
            droppedHandles.add(old.handle);
            int ttlSeconds = RocksCompactionTtl.seconds(meta);
            Column fresh = new Column(meta, db.createColumnFamilyWithTtl(descriptor(meta.name()), ttlSeconds), ttlSeconds);
            columns.put(meta.name(), fresh);
            copyAll(temp, fresh.handle);
            return fresh;
        } finally {
            db.dropColumnFamily(temp);
            temp.close();
        }
    }

    private void copyAll(ColumnFamilyHandle from, ColumnFamilyHandle to) throws RocksDBException {
        try (RestoreBatch batch = new RestoreBatch(); RocksIterator it = db.newIterator(from)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                batch.put(to, it.key(), it.value());
            }
        }
    }

    private RocksTtlCleaner cleaner(Column c) {
        return c.ttl == null ? null : new RocksTtlCleaner(db, c.handle, writeOptions, c.ttl);
    }

    @Override
    protected <N, V> InternalValueState<K, N, V> createValueState(StateMeta meta, TypeSerializer<N> ns,
                                                                 TypeSerializer<V> serializer, TtlFilter ttl) throws Exception {
        Column c = declare(meta, ttl, null);
        return new RocksValueState<>(this, c.handle, meta.name(), ns, serializer, cleaner(c));
    }

    @Override
    protected <N, T> InternalListState<K, N, T> createListState(StateMeta meta, TypeSerializer<N> ns,
                                                               TypeSerializer<T> elementSerializer, TtlFilter ttl) throws Exception {
        Column c = declare(meta, ttl, elementSerializer);
        return new RocksListState<>(this, c.handle, meta.name(), ns, elementSerializer, cleaner(c));
    }

    @Override
    protected <N, UK, UV> InternalMapState<K, N, UK, UV> createMapState(StateMeta meta, TypeSerializer<N> ns,
                                                                       TypeSerializer<UK> userKeySerializer,
                                                                       TypeSerializer<UV> userValueSerializer, TtlFilter ttl) throws Exception {
        Column c = declare(meta, ttl, null);
        return new RocksMapState<>(this, c.handle, meta.name(), ns, userKeySerializer, userValueSerializer, cleaner(c));
    }

    // ---------------------------------------------------------------- restore

    private void restore(KeyedStateHandle handle) throws Exception {
        if (handle instanceof RocksDbNativeStateHandle nativeHandle) {
            RocksNativeRestore.restore(nativeHandle, keyGroupRange, columnFamilyOptions, this::restoreInto);
            return;
        }
        if (handle instanceof IncrementalKeyedStateHandle incrementalHandle) {
            Path dir = instanceDir.resolve("restore-" + incrementalHandle.checkpointId() + "-" + java.util.UUID.randomUUID());
            try {
                RocksNativeRestore.restore(RocksIncrementalSnapshots.download(incrementalHandle, dir), keyGroupRange,
                    columnFamilyOptions, this::restoreInto);
            } finally {
                deleteDirectory(dir);
            }
            return;
        }
        List<Column> byIndex = new ArrayList<>();
        try (RestoreBatch batch = new RestoreBatch()) {
            FullSnapshotReader.read(handle, keyGroupRange, new FullSnapshotReader.Visitor() {
                @Override
                public void onStates(List<StateMeta> states) throws RocksDBException {
                    byIndex.clear();
                    for (StateMeta meta : states) {
                        byIndex.add(column(meta));
                    }
                }

                @Override
                public void onRecord(StateMeta state, int keyGroup, byte[] key, byte[] value) throws RocksDBException {
                    byte[] full = new byte[key.length + 2];
                    full[0] = (byte) (keyGroup >>> 8);
                    full[1] = (byte) keyGroup;
                    System.arraycopy(key, 0, full, 2, key.length);
                    batch.put(columns.get(state.name()).handle, full, value);
                }
            });
        }
    }

    /** Where a native restore copies one column family's entries. */
    private RestoreTarget restoreInto(StateMeta meta) throws RocksDBException {
        ColumnFamilyHandle handle = column(meta).handle;
        RestoreBatch batch = new RestoreBatch();
        return new RestoreTarget() {
            @Override
            public void put(byte[] key, byte[] value) throws RocksDBException {
                batch.put(handle, key, value);
            }

            @Override
            public void close() throws RocksDBException {
                batch.close();
            }
        };
    }

    /** Receives the entries of one column family during a native restore. */
    interface RestoreTarget extends AutoCloseable {
        void put(byte[] key, byte[] value) throws RocksDBException;

        @Override
        void close() throws RocksDBException;
    }

    /** Writes restored entries in batches. */
    private final class RestoreBatch implements AutoCloseable {
        private final WriteBatch batch = new WriteBatch();

        void put(ColumnFamilyHandle cf, byte[] key, byte[] value) throws RocksDBException {
            batch.put(cf, key, value);
            if (batch.count() >= RESTORE_BATCH) {
                db.write(writeOptions, batch);
                batch.clear();
            }
        }

        @Override
        public void close() throws RocksDBException {
            try {
                if (batch.count() > 0) {
                    db.write(writeOptions, batch);
                }
            } finally {
                batch.close();
            }
        }
    }

    // ---------------------------------------------------------------- keys

    @Override
    public <N> Stream<K> getKeys(String stateName, N namespace) throws Exception {
        Column c = columns.get(stateName);
        if (c == null || !c.declared) {
            return Stream.empty();
        }
        DataOutputSerializer nsOut = new DataOutputSerializer(32);
        @SuppressWarnings("unchecked")
        TypeSerializer<N> nsSerializer = (TypeSerializer<N>) registeredNamespaceSerializer(stateName);
        nsSerializer.serialize(namespace, nsOut);
        byte[] nsBytes = nsOut.toByteArray();
        List<K> keys = new ArrayList<>();
        try (RocksIterator it = db.newIterator(c.handle)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] raw = it.key();
                DataInputDeserializer in = new DataInputDeserializer(raw, 2, raw.length - 2);
                K key = keySerializer.deserialize(in);
                int nsStart = in.getPosition();
                if (matches(raw, nsStart, nsBytes) && (keys.isEmpty() || !Objects.equals(keys.get(keys.size() - 1), key))) {
                    keys.add(key);
                }
            }
        }
        return keys.stream();
    }

    private static boolean matches(byte[] raw, int from, byte[] expected) {
        if (raw.length - from < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (raw[from + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- snapshots

    @Override
    public synchronized RunnableFuture<SnapshotResult<KeyedStateHandle>> snapshot(long checkpointId, long timestamp,
                                                                                  CheckpointStreamFactory streamFactory) {
        if (closed) {
            throw new IllegalStateException("snapshot of a closed keyed backend");
        }
        if (columns.isEmpty()) {
            FutureTask<SnapshotResult<KeyedStateHandle>> done = new FutureTask<>(SnapshotResult::empty);
            done.run();
            return done;
        }
        List<RocksFullSnapshot.Column> cols = new ArrayList<>();
        for (Column c : columns.values()) {
            cols.add(new RocksFullSnapshot.Column(c.meta, c.handle, c.ttl == null ? null : c.ttl.duplicate()));
        }
        Snapshot snapshot = db.getSnapshot();
        KeyGroupRange range = keyGroupRange;
        return trackSnapshot(() -> RocksFullSnapshot.write(db, snapshot, cols, range, streamFactory),
            () -> db.releaseSnapshot(snapshot));
    }

    /** Registers an asynchronous part that {@link #close()} waits for (or cancels if it never started). */
    private <T> AsyncSnapshotTask<T> trackSnapshot(java.util.concurrent.Callable<T> work, Runnable release) {
        runningSnapshots++;
        AsyncSnapshotTask<?>[] self = new AsyncSnapshotTask<?>[1];
        AsyncSnapshotTask<T> task = new AsyncSnapshotTask<>(work, () -> releaseSnapshot(release, self[0]));
        self[0] = task;
        snapshotTasks.add(task);
        return task;
    }

    private synchronized void releaseSnapshot(Runnable release, AsyncSnapshotTask<?> task) {
        try {
            release.run();
        } finally {
            snapshotTasks.remove(task);
            runningSnapshots--;
            notifyAll();
        }
    }

    /**
     * Incremental snapshot: the synchronous part creates a native checkpoint in the working
     * directory; the future uploads what the last completed checkpoint does not hold (see
     * {@link RocksIncrementalSnapshots}) and deletes the local checkpoint.
     */
    @Override
    public synchronized RunnableFuture<SnapshotResult<KeyedStateHandle>> snapshotIncremental(
        long checkpointId, long timestamp, CheckpointStreamFactory sharedStreams, CheckpointStreamFactory exclusiveStreams)
        throws IOException {
        Path dir = instanceDir.resolve("chk-" + checkpointId + "-" + java.util.UUID.randomUUID());
        createNativeCheckpoint(dir);
        KeyGroupRange range = keyGroupRange;
        return trackSnapshot(() -> incremental.upload(checkpointId, range, dir, sharedStreams, exclusiveStreams),
            () -> deleteDirectory(dir));
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        incremental.notifyCheckpointComplete(checkpointId);
    }

    /**
     * Creates a native RocksDB checkpoint in {@code targetDir} (which must not exist yet): memtables
     * are flushed and the live SST files hard-linked, so this runs in the synchronous part of a
     * checkpoint and is cheap. Returns the handle listing the checkpoint's files.
     */
    public synchronized RocksDbNativeStateHandle createNativeCheckpoint(Path targetDir) throws IOException {
        if (closed) {
            throw new IllegalStateException("checkpoint of a closed keyed backend");
        }
        try (Checkpoint checkpoint = Checkpoint.create(db)) {
            checkpoint.createCheckpoint(targetDir.toString());
        } catch (RocksDBException e) {
            throw new IOException("RocksDB could not create a native checkpoint in '" + targetDir + "': " + e.getMessage(), e);
        }
        List<StateMeta> metas = new ArrayList<>();
        columns.values().forEach(c -> metas.add(c.meta));
        RocksDbNativeStateHandle.writeStatesFile(targetDir, metas);
        Map<String, Long> files = RocksDbNativeStateHandle.listFiles(targetDir);
        return new RocksDbNativeStateHandle(keyGroupRange, targetDir, metas, files);
    }

    // ---------------------------------------------------------------- close

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            // snapshots never started are cancelled (releasing their RocksDB snapshot); running ones finish
            new ArrayList<>(snapshotTasks).forEach(t -> t.cancel(false));
            boolean interrupted = false;
            while (runningSnapshots > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        for (Column c : columns.values()) {
            c.handle.close();
        }
        columns.clear();
        droppedHandles.forEach(ColumnFamilyHandle::close);
        droppedHandles.clear();
        closeNativeObjects();
        deleteDirectory(instanceDir);
    }

    private void closeNativeObjects() {
        for (int i = nativeObjects.size() - 1; i >= 0; i--) {
            try {
                nativeObjects.get(i).close();
            } catch (Exception ignored) {
                // closing native handles does not fail in practice; keep closing the rest
            }
        }
        nativeObjects.clear();
        if (releaseSharedResources != null) {
            releaseSharedResources.run();
        }
    }

    private static void deleteDirectory(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a leftover working directory is harmless; the next start uses a fresh one
        }
    }
}
