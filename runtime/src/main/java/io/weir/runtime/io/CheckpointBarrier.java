package io.weir.runtime.io;

/**
 * Separates the rows that belong to checkpoint {@code id} (before) from those after it. Injected by
 * sources on a trigger and forwarded by every task once it has taken its snapshot.
 */
public final class CheckpointBarrier implements StreamEvent {
    private final long id;
    private final long timestamp;

    public CheckpointBarrier(long id, long timestamp) {
        this.id = id;
        this.timestamp = timestamp;
    }

    public long id() { return id; }

    public long timestamp() { return timestamp; }

    @Override
    public String toString() {
        return "CheckpointBarrier(" + id + ")";
    }
}
