package io.weir.checkpoint.metadata;

import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.snapshot.KeyedStateHandle;
import io.weir.checkpoint.state.snapshot.StreamStateHandle;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An incremental RocksDB snapshot of one backend instance: the SST files (shared between
 * checkpoints, stored in {@code shared/}, owned by the shared-state registry), the files private to
 * this checkpoint ({@code MANIFEST}, {@code CURRENT}, {@code OPTIONS}; owned by the checkpoint), and
 * the backend's meta data stream.
 *
 * <p>A shared file that an earlier retained checkpoint uploaded arrives as a
 * {@link PlaceholderStreamStateHandle}; {@link #replaceSharedState} installs the registered handles
 * when the checkpoint completes (coordinator thread), before {@code _metadata} is written.
 *
 * <p>Maintenance note: shared files are keyed by backend id and local file name, as RocksDB never
 * reuses an SST file name within one DB; a restored backend gets a new id, so files of the old
 * one are never confused with new uploads.
 */
public final class IncrementalKeyedStateHandle implements KeyedStateHandle {
    private static final long serialVersionUID = 1L;

    /** One file of the snapshot: its name in the local RocksDB directory and where it is stored. */
    public record HandleAndLocalPath(String localPath, StreamStateHandle handle) implements Serializable {
        public HandleAndLocalPath {
            Objects.requireNonNull(localPath, "localPath");
            Objects.requireNonNull(handle, "handle");
        }
    }

    private final String backendId;
    private final long checkpointId;
    private final KeyGroupRange keyGroupRange;
    private volatile List<HandleAndLocalPath> sharedState;
    private final List<HandleAndLocalPath> privateState;
    private final StreamStateHandle metaState;
    private final long checkpointedSize;

    public IncrementalKeyedStateHandle(String backendId, long checkpointId, KeyGroupRange keyGroupRange,
                                       List<HandleAndLocalPath> sharedState, List<HandleAndLocalPath> privateState,
                                       StreamStateHandle metaState) {
        this(backendId, checkpointId, keyGroupRange, sharedState, privateState, metaState,
            newBytes(sharedState) + sum(privateState) + metaState.getStateSize());
    }

    /** With an explicit checkpointed size (used when reading {@code _metadata}, where placeholders are resolved). */
    public IncrementalKeyedStateHandle(String backendId, long checkpointId, KeyGroupRange keyGroupRange,
                                       List<HandleAndLocalPath> sharedState, List<HandleAndLocalPath> privateState,
                                       StreamStateHandle metaState, long checkpointedSize) {
        this.backendId = Objects.requireNonNull(backendId, "backendId");
        this.checkpointId = checkpointId;
        this.keyGroupRange = Objects.requireNonNull(keyGroupRange, "keyGroupRange");
        this.sharedState = List.copyOf(sharedState);
        this.privateState = List.copyOf(privateState);
        this.metaState = Objects.requireNonNull(metaState, "metaState");
        this.checkpointedSize = checkpointedSize;
    }

    /** The registry key of a shared file of this backend. */
    public String registryKey(String localPath) {
        return backendId + "/" + localPath;
    }

    public String backendId() { return backendId; }
    public long checkpointId() { return checkpointId; }
    public List<HandleAndLocalPath> sharedState() { return sharedState; }
    public List<HandleAndLocalPath> privateState() { return privateState; }
    public StreamStateHandle metaState() { return metaState; }

    /** Installs the registered handles for the shared files (same local paths, same order). */
    public void replaceSharedState(List<HandleAndLocalPath> registered) {
        if (registered.size() != sharedState.size()) {
            throw new IllegalArgumentException("expected " + sharedState.size() + " shared files, got " + registered.size());
        }
        sharedState = List.copyOf(registered);
    }

    /** Bytes this checkpoint uploaded (new shared files, private files, meta data). */
    public long checkpointedSize() {
        return checkpointedSize;
    }

    @Override
    public KeyGroupRange getKeyGroupRange() {
        return keyGroupRange;
    }

    /** Full size: every file this snapshot needs, uploaded now or earlier. */
    @Override
    public long getStateSize() {
        return sum(sharedState) + sum(privateState) + metaState.getStateSize();
    }

    /** The whole handle when the ranges overlap: a RocksDB restore clips the key groups itself. */
    @Override
    public KeyedStateHandle getIntersection(KeyGroupRange range) {
        return keyGroupRange.getIntersection(range).isEmpty() ? null : this;
    }

    /** Deletes the private files and meta data; shared files belong to the shared-state registry. */
    @Override
    public void discardState() throws IOException {
        IOException first = null;
        List<StreamStateHandle> owned = new ArrayList<>();
        privateState.forEach(f -> owned.add(f.handle()));
        owned.add(metaState);
        for (StreamStateHandle h : owned) {
            try {
                h.discardState();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static long sum(List<HandleAndLocalPath> files) {
        return files.stream().mapToLong(f -> f.handle().getStateSize()).sum();
    }

    private static long newBytes(List<HandleAndLocalPath> shared) {
        return shared.stream().filter(f -> !(f.handle() instanceof PlaceholderStreamStateHandle))
            .mapToLong(f -> f.handle().getStateSize()).sum();
    }

    @Override
    public String toString() {
        return "IncrementalKeyedStateHandle{backend=" + backendId + ", chk=" + checkpointId + ", " + keyGroupRange
            + ", shared=" + sharedState + ", private=" + privateState + "}";
    }
}
