package io.weir.benchmarks.state;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.metadata.IncrementalKeyedStateHandle;
import io.weir.checkpoint.metadata.IncrementalKeyedStateHandle.HandleAndLocalPath;
import io.weir.checkpoint.metadata.OperatorSubtaskState;
import io.weir.checkpoint.metadata.PlaceholderStreamStateHandle;
import io.weir.checkpoint.serialization.DataInputView;
import io.weir.checkpoint.serialization.DataOutputView;
import io.weir.checkpoint.serialization.LongSerializer;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.KeyedStateBackend;
import io.weir.checkpoint.state.KeyedStateBackendParameters;
import io.weir.checkpoint.state.StateBackend;
import io.weir.checkpoint.state.ValueState;
import io.weir.checkpoint.state.ValueStateDescriptor;
import io.weir.checkpoint.state.snapshot.KeyedStateHandle;
import io.weir.checkpoint.state.snapshot.SnapshotResult;
import io.weir.checkpoint.state.snapshot.StreamStateHandle;
import io.weir.checkpoint.storage.FileSystemCheckpointStorage;
import io.weir.checkpoint.storage.TaskLocalStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.RunnableFuture;

/**
 * Incremental against full RocksDB checkpoints, and recovery from local against remote copies, on
 * one keyed backend over all key groups: writes {@code keys} keys with {@code valueBytes}-byte
 * values, takes incremental checkpoints 1..4 (1 % of the keys updated before each of 2..4) into
 * filesystem checkpoint storage, and a full snapshot for comparison; prints bytes uploaded and
 * duration per checkpoint. Then restores a new backend from checkpoint 4, once from the remote
 * files and once from a local copy ({@link TaskLocalStateStore}), and prints each duration.
 * Usage: {@code IncrementalCheckpointProbe <keys> <valueBytes> <managedMemory>}.
 */
public final class IncrementalCheckpointProbe {
    private IncrementalCheckpointProbe() {
    }

    public static void main(String[] args) throws Exception {
        long keys = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        int valueBytes = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String managed = args.length > 2 ? args[2] : "256mb";
        Path work = StateBenchmarkSupport.tempDir();
        StateBackend backend = StateBenchmarkSupport.stateBackend("rocksdb", work.resolve("db"), managed);
        FileSystemCheckpointStorage storage = new FileSystemCheckpointStorage("probe", work.resolve("checkpoints"), null, true,
            20 * 1024, 4096);
        KeyedStateBackend<Long> keyed = StateBenchmarkSupport.keyedBackend(backend);
        ValueState<byte[]> state = keyed.getState(new ValueStateDescriptor<>("payload", new Bytes()));
        long t0 = System.nanoTime();
        write(keyed, state, keys, valueBytes, 1.0, 0);
        System.out.printf("state: keys=%d valueBytes=%d (%.0f MB raw), written in %.1f s%n",
            keys, valueBytes, keys * (valueBytes + 8.0) / 1e6, (System.nanoTime() - t0) / 1e9);

        Map<String, StreamStateHandle> uploaded = new HashMap<>();
        IncrementalKeyedStateHandle last = null;
        for (long id = 1; id <= 4; id++) {
            if (id > 1) {
                write(keyed, state, keys, valueBytes, 0.01, id);
            }
            long start = System.nanoTime();
            var location = storage.initializeLocationForCheckpoint(id);
            RunnableFuture<SnapshotResult<KeyedStateHandle>> f = keyed.snapshotIncremental(id, System.currentTimeMillis(),
                storage.sharedStateStreamFactory(), location.exclusiveStateStreamFactory());
            f.run();
            IncrementalKeyedStateHandle h = (IncrementalKeyedStateHandle) f.get().getHandle();
            keyed.notifyCheckpointComplete(id);
            System.out.printf("incremental checkpoint %d: uploaded %.1f MB of %.1f MB in %d ms%n", id,
                h.checkpointedSize() / 1e6, h.getStateSize() / 1e6, (System.nanoTime() - start) / 1_000_000);
            last = resolve(h, uploaded);
        }
        long start = System.nanoTime();
        var location = storage.initializeLocationForCheckpoint(5);
        RunnableFuture<SnapshotResult<KeyedStateHandle>> full = keyed.snapshot(5, System.currentTimeMillis(),
            location.exclusiveStateStreamFactory());
        full.run();
        System.out.printf("full snapshot: %.1f MB in %d ms%n", full.get().getHandle().getStateSize() / 1e6,
            (System.nanoTime() - start) / 1_000_000);
        keyed.close();

        restore(backend, "remote", last);
        TaskLocalStateStore local = new TaskLocalStateStore(work.resolve("local"));
        Map<String, OperatorSubtaskState> remote = Map.of("op", OperatorSubtaskState.keyed(last));
        local.storeLocalState(4, remote);
        TaskLocalStateStore.RestoreResult r = local.retrieve(4, remote);
        restore(backend, "local (" + r.localFiles() + " files local, " + r.remoteFallbacks() + " remote)",
            r.state().get("op").keyedState().get(0));
        backend.close();
        deleteRecursively(work);
    }

    /** Replaces placeholders by the handles uploaded earlier, as the shared-state registry does. */
    private static IncrementalKeyedStateHandle resolve(IncrementalKeyedStateHandle h, Map<String, StreamStateHandle> uploaded) {
        List<HandleAndLocalPath> files = new ArrayList<>();
        for (HandleAndLocalPath f : h.sharedState()) {
            String key = h.registryKey(f.localPath());
            if (!(f.handle() instanceof PlaceholderStreamStateHandle)) {
                uploaded.put(key, f.handle());
            }
            files.add(new HandleAndLocalPath(f.localPath(), uploaded.get(key)));
        }
        h.replaceSharedState(files);
        return h;
    }

    private static void restore(StateBackend backend, String what, KeyedStateHandle handle) throws Exception {
        long start = System.nanoTime();
        try (KeyedStateBackend<Long> restored = backend.createKeyedStateBackend(KeyedStateBackendParameters
            .builder(LongSerializer.INSTANCE, StateBenchmarkSupport.MAX_PARALLELISM,
                KeyGroupRange.of(0, StateBenchmarkSupport.MAX_PARALLELISM - 1))
            .operatorIdentifier("restored").restoreFrom(List.of(handle)).build())) {
            System.out.printf("restore from %s: %d ms%n", what, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static void write(KeyedStateBackend<Long> keyed, ValueState<byte[]> state, long keys, int valueBytes,
                              double fraction, long seed) throws Exception {
        byte[] payload = new byte[valueBytes];
        SplittableRandom random = new SplittableRandom(seed);
        long n = (long) (keys * fraction);
        for (long i = 0; i < n; i++) {
            long k = fraction >= 1 ? i : random.nextLong(keys);
            keyed.setCurrentKey(k);
            random.nextBytes(payload);
            state.update(payload);
        }
    }

    private static void deleteRecursively(Path p) throws IOException {
        try (var walk = Files.walk(p)) {
            for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** Raw bytes, length-prefixed. */
    private static final class Bytes implements TypeSerializer<byte[]> {
        @Override
        public void serialize(byte[] value, DataOutputView out) throws IOException {
            out.writeInt(value.length);
            out.write(value);
        }

        @Override
        public byte[] deserialize(DataInputView in) throws IOException {
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            return b;
        }

        @Override
        public byte[] copy(byte[] value) {
            return value.clone();
        }
    }
}
