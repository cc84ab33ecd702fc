package io.weir.checkpoint.state.rocksdb;

import io.weir.checkpoint.metadata.IncrementalKeyedStateHandle;
import io.weir.checkpoint.metadata.IncrementalKeyedStateHandle.HandleAndLocalPath;
import io.weir.checkpoint.metadata.PlaceholderStreamStateHandle;
import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.snapshot.ByteStreamStateHandle;
import io.weir.checkpoint.state.snapshot.CheckpointStateOutputStream;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import io.weir.checkpoint.state.snapshot.KeyedStateHandle;
import io.weir.checkpoint.state.snapshot.SnapshotResult;
import io.weir.checkpoint.state.snapshot.StreamStateHandle;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Incremental checkpoints of one RocksDB instance, on top of native checkpoints: the asynchronous
 * part uploads the SST files that the last <em>completed</em> checkpoint did not hold into the
 * shared stream factory, sends {@link PlaceholderStreamStateHandle}s for the others (the shared
 * state registry resolves them), uploads {@code CURRENT}, {@code MANIFEST-*}, {@code OPTIONS-*}
 * as private files and the states file as meta state. SST files never change once written and
 * RocksDB never reuses their names, so a name identifies content within one backend id.
 * Restoring downloads all files into a local directory and copies the wanted key groups out.
 *
 * <p>Threading: {@link #upload} runs on the asynchronous snapshot thread and records its uploads;
 * {@link #notifyCheckpointComplete} comes from the task thread; both synchronize on this object.
 */
final class RocksIncrementalSnapshots {
    private final String backendId = UUID.randomUUID().toString();
    private final Map<Long, Map<String, StreamStateHandle>> uploadsByCheckpoint = new HashMap<>();
    private Map<String, StreamStateHandle> lastCompletedUploads = Map.of();

    String backendId() {
        return backendId;
    }

    /** The asynchronous part for a native checkpoint in {@code dir}; deletes {@code dir} when done. */
    SnapshotResult<KeyedStateHandle> upload(long checkpointId, KeyGroupRange range, Path dir,
                                            CheckpointStreamFactory shared, CheckpointStreamFactory exclusive) throws IOException {
        List<StreamStateHandle> written = new ArrayList<>();
        try {
            Map<String, StreamStateHandle> known;
            synchronized (this) {
                known = lastCompletedUploads;
            }
            List<HandleAndLocalPath> sharedFiles = new ArrayList<>();
            List<HandleAndLocalPath> privateFiles = new ArrayList<>();
            Map<String, StreamStateHandle> uploads = new LinkedHashMap<>();
            for (String name : RocksDbNativeStateHandle.listFiles(dir).keySet()) {
                if (name.equals(RocksDbNativeStateHandle.STATES_FILE)) {
                    continue;
                }
                Path file = dir.resolve(name);
                if (name.endsWith(".sst")) {
                    StreamStateHandle earlier = known.get(name);
                    StreamStateHandle handle = earlier != null
                        ? new PlaceholderStreamStateHandle(backendId + "/" + name, earlier.getStateSize())
                        : written(written, write(shared, file));
                    sharedFiles.add(new HandleAndLocalPath(name, handle));
                    uploads.put(name, earlier != null ? earlier : handle);
                } else {
                    privateFiles.add(new HandleAndLocalPath(name, written(written, write(exclusive, file))));
                }
            }
            StreamStateHandle meta = written(written, write(exclusive, dir.resolve(RocksDbNativeStateHandle.STATES_FILE)));
            synchronized (this) {
                uploadsByCheckpoint.put(checkpointId, uploads);
            }
            IncrementalKeyedStateHandle handle = new IncrementalKeyedStateHandle(backendId, checkpointId, range,
                sharedFiles, privateFiles, meta);
            return SnapshotResult.of(handle, handle.checkpointedSize());
        } catch (IOException | RuntimeException e) {
            // no checkpoint will refer to the files uploaded so far
            for (StreamStateHandle h : written) {
                try {
                    h.discardState();
                } catch (IOException | RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        } finally {
            new RocksDbNativeStateHandle(range, dir, List.of(), Map.of()).discardState();
        }
    }

    private static StreamStateHandle written(List<StreamStateHandle> written, StreamStateHandle h) {
        written.add(h);
        return h;
    }

    private static StreamStateHandle write(CheckpointStreamFactory factory, Path file) throws IOException {
        try (CheckpointStateOutputStream out = factory.createCheckpointStateOutputStream()) {
            Files.copy(file, out);
            StreamStateHandle handle = out.closeAndGetHandle();
            return handle != null ? handle : new ByteStreamStateHandle(file.getFileName().toString(), new byte[0]);
        }
    }

    /** From now on, files of checkpoint {@code checkpointId} are referenced instead of uploaded again. */
    synchronized void notifyCheckpointComplete(long checkpointId) {
        Map<String, StreamStateHandle> uploads = uploadsByCheckpoint.get(checkpointId);
        if (uploads != null) {
            lastCompletedUploads = uploads;
        }
        uploadsByCheckpoint.keySet().removeIf(id -> id <= checkpointId);
    }

    /** Downloads an incremental snapshot's files into {@code dir}, as a native checkpoint directory. */
    static RocksDbNativeStateHandle download(IncrementalKeyedStateHandle handle, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<HandleAndLocalPath> files = new ArrayList<>(handle.sharedState());
        files.addAll(handle.privateState());
        for (HandleAndLocalPath f : files) {
            copy(f.handle(), dir.resolve(f.localPath()));
        }
        copy(handle.metaState(), dir.resolve(RocksDbNativeStateHandle.STATES_FILE));
        return RocksDbNativeStateHandle.fromDirectory(handle.getKeyGroupRange(), dir);
    }

    private static void copy(StreamStateHandle from, Path to) throws IOException {
        try (InputStream in = from.openInputStream(); OutputStream out = Files.newOutputStream(to)) {
            in.transferTo(out);
        }
    }
}
