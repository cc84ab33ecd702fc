package io.weir.checkpoint.state.snapshot;

import java.io.Serializable;

/** The outcome of one snapshot: a state handle, or none when there was no state to write. */
public final class SnapshotResult<T extends Serializable> implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final SnapshotResult<?> EMPTY = new SnapshotResult<>(null, 0);

    private final T handle;
    private final long stateSize;

    private SnapshotResult(T handle, long stateSize) {
        this.handle = handle;
        this.stateSize = stateSize;
    }

    public static <T extends Serializable> SnapshotResult<T> of(T handle, long stateSize) {
        return handle == null ? empty() : new SnapshotResult<>(handle, stateSize);
    }

    @SuppressWarnings("unchecked")
    public static <T extends Serializable> SnapshotResult<T> empty() {
        return (SnapshotResult<T>) EMPTY;
    }

    /** The handle, or null when empty. */
    public T getHandle() {
        return handle;
    }

    public long getStateSize() {
        return stateSize;
    }

    public boolean isEmpty() {
        return handle == null;
    }

    @Override
    public String toString() {
        return isEmpty() ? "SnapshotResult{empty}" : "SnapshotResult{" + handle + ", " + stateSize + " bytes}";
    }
}
