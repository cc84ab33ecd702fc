package io.weir.runtime.io;

/**
 * Separates the rows that belong to checkpoint {@code id} (before) from those after it. Injected by
 * sources on a trigger and forwarded by every task once it has taken its snapshot.
 */
public final class CheckpointBarrier implements StreamEvent {
    private final long id;
    private final long timestamp;
    private final boolean savepoint;

    public CheckpointBarrier(long id, long timestamp) {
        this(id, timestamp, false);
    }

    /** @param savepoint a savepoint's barrier: always aligned, never overtakes data */
    public CheckpointBarrier(long id, long timestamp, boolean savepoint) {
        this.id = id;
        this.timestamp = timestamp;
        this.savepoint = savepoint;
    }

    public boolean isSavepoint() { return savepoint; }

    public long id() { return id; }

    public long timestamp() { return timestamp; }

    @Override
    public String toString() {
        return (savepoint ? "SavepointBarrier(" : "CheckpointBarrier(") + id + ")";
    }
}
