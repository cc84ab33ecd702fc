package io.weir.checkpoint.coordinator;

import io.weir.checkpoint.metadata.CheckpointMetadata;
import io.weir.checkpoint.metadata.IncrementalKeyedStateHandle;
import io.weir.checkpoint.metadata.IncrementalKeyedStateHandle.HandleAndLocalPath;
import io.weir.checkpoint.metadata.OperatorState;
import io.weir.checkpoint.metadata.OperatorSubtaskState;
import io.weir.checkpoint.metadata.PlaceholderStreamStateHandle;
import io.weir.checkpoint.state.snapshot.FileStateHandle;
import io.weir.checkpoint.state.snapshot.StreamStateHandle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Reference counts of the files that incremental checkpoints share (RocksDB SST files in
 * {@code shared/}). Each retained checkpoint that refers to a file holds one reference; when the
 * last one is released (the checkpoint was subsumed, or failed after registering), the file is
 * deleted on the I/O executor.
 *
 * <p>Order of calls, all on the coordinator thread (methods are synchronized for safety):
 * {@link #registerAll} when a checkpoint completes, before its {@code _metadata} is written (this
 * replaces placeholders by the registered handles); {@link #release} when the checkpoint is subsumed
 * or its completion fails; {@link #discardUnregistered} for the state of a checkpoint that was
 * aborted before completing.
 *
 * <p>Maintenance note: a file is registered under its backend-scoped key (backend id + local
 * name). If a backend uploads a file again under a key that is already registered (it could not
 * know), the registered handle wins and the duplicate upload is deleted, so that all checkpoints
 * refer to one physical file.
 */
public final class SharedStateRegistry {
    private final Executor ioExecutor;
    private final Consumer<Throwable> discardFailureHandler;
    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<Long, Set<String>> keysByCheckpoint = new TreeMap<>();

    private static final class Entry {
        final StreamStateHandle handle;
        final Set<Long> checkpoints = new HashSet<>();

        Entry(StreamStateHandle handle) {
            this.handle = handle;
        }
    }

    /** @param discardFailureHandler told about files that could not be deleted (they are logged, not fatal) */
    public SharedStateRegistry(Executor ioExecutor, Consumer<Throwable> discardFailureHandler) {
        this.ioExecutor = Objects.requireNonNull(ioExecutor, "ioExecutor");
        this.discardFailureHandler = Objects.requireNonNull(discardFailureHandler, "discardFailureHandler");
    }

    /** Registers every shared file of {@code metadata}'s incremental handles for its checkpoint id. */
    public synchronized void registerAll(CheckpointMetadata metadata) {
        for (OperatorState op : metadata.operatorStates()) {
            for (OperatorSubtaskState s : op.subtaskStates().values()) {
                for (IncrementalKeyedStateHandle h : s.incrementalKeyedState()) {
                    register(h, metadata.checkpointId());
                }
            }
        }
    }

    private void register(IncrementalKeyedStateHandle h, long checkpointId) {
        List<HandleAndLocalPath> registered = new ArrayList<>();
        for (HandleAndLocalPath f : h.sharedState()) {
            StreamStateHandle handle = registerReference(h.registryKey(f.localPath()), f.handle(), checkpointId);
            registered.add(new HandleAndLocalPath(f.localPath(), handle));
        }
        h.replaceSharedState(registered);
    }

    /**
     * Adds {@code checkpointId}'s reference to the file under {@code key} and returns the handle
     * to use for it (the one registered first).
     *
     * @throws IllegalStateException for a placeholder whose file no retained checkpoint holds
     */
    public synchronized StreamStateHandle registerReference(String key, StreamStateHandle handle, long checkpointId) {
        Entry entry = entries.get(key);
        if (entry == null) {
            if (handle instanceof PlaceholderStreamStateHandle) {
                throw new IllegalStateException("checkpoint " + checkpointId + " refers to shared file '" + key
                    + "' that no retained checkpoint holds");
            }
            entry = new Entry(handle);
            entries.put(key, entry);
        } else if (!(handle instanceof PlaceholderStreamStateHandle) && !sameFile(entry.handle, handle)) {
            discardLater(handle);
        }
        entry.checkpoints.add(checkpointId);
        keysByCheckpoint.computeIfAbsent(checkpointId, id -> new LinkedHashSet<>()).add(key);
        return entry.handle;
    }

    /** Releases all references of {@code checkpointId}; files left without reference are deleted. */
    public synchronized void release(long checkpointId) {
        Set<String> keys = keysByCheckpoint.remove(checkpointId);
        if (keys == null) {
            return;
        }
        for (String key : keys) {
            Entry entry = entries.get(key);
            entry.checkpoints.remove(checkpointId);
            if (entry.checkpoints.isEmpty()) {
                entries.remove(key);
                discardLater(entry.handle);
            }
        }
    }

    /**
     * Deletes the shared files that an aborted checkpoint uploaded and that are not registered
     * (placeholders and files registered by other checkpoints stay).
     */
    public synchronized void discardUnregistered(OperatorSubtaskState state) {
        for (IncrementalKeyedStateHandle h : state.incrementalKeyedState()) {
            for (HandleAndLocalPath f : h.sharedState()) {
                Entry entry = entries.get(h.registryKey(f.localPath()));
                boolean registered = entry != null && sameFile(entry.handle, f.handle());
                if (!registered && !(f.handle() instanceof PlaceholderStreamStateHandle)) {
                    discardLater(f.handle());
                }
            }
        }
    }

    /** How many retained checkpoints refer to the file under {@code key} (0 when unknown). */
    public synchronized int referenceCount(String key) {
        Entry entry = entries.get(key);
        return entry == null ? 0 : entry.checkpoints.size();
    }

    /** Every registered key with its reference count. */
    public synchronized Map<String, Integer> referenceCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        entries.forEach((k, e) -> counts.put(k, e.checkpoints.size()));
        return Collections.unmodifiableMap(counts);
    }

    private static boolean sameFile(StreamStateHandle a, StreamStateHandle b) {
        if (a == b) {
            return true;
        }
        return a instanceof FileStateHandle fa && b instanceof FileStateHandle fb && fa.getFilePath().equals(fb.getFilePath())
            || a instanceof io.weir.checkpoint.storage.SegmentFileStateHandle && a.equals(b);
    }

    private void discardLater(StreamStateHandle handle) {
        ioExecutor.execute(() -> {
            try {
                handle.discardState();
            } catch (IOException | RuntimeException e) {
                discardFailureHandler.accept(e);
            }
        });
    }
}
