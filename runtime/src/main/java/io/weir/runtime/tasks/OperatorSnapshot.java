package io.weir.runtime.tasks;

import io.weir.checkpoint.state.snapshot.KeyedStateHandle;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle;
import io.weir.checkpoint.state.snapshot.SnapshotResult;
import java.util.Map;
import java.util.concurrent.RunnableFuture;

/**
 * The snapshot of one operator subtask at one checkpoint: the synchronous part is done when this
 * object exists (timers are already serialized); {@link #complete()} runs the asynchronous parts
 * of the state backends (on any thread) and returns the handles.
 */
public final class OperatorSnapshot {
    private final String operatorUid;
    private final long checkpointId;
    private final RunnableFuture<SnapshotResult<KeyedStateHandle>> keyed;
    private final RunnableFuture<SnapshotResult<OperatorStateHandle>> operator;
    private final Map<Integer, byte[]> timers;

    public OperatorSnapshot(String operatorUid, long checkpointId, RunnableFuture<SnapshotResult<KeyedStateHandle>> keyed,
                            RunnableFuture<SnapshotResult<OperatorStateHandle>> operator, Map<Integer, byte[]> timers) {
        this.operatorUid = operatorUid;
        this.checkpointId = checkpointId;
        this.keyed = keyed;
        this.operator = operator;
        this.timers = Map.copyOf(timers);
    }

    public String operatorUid() { return operatorUid; }

    public long checkpointId() { return checkpointId; }

    /**
     * Runs the asynchronous parts and returns the result as restore state for this subtask. When a
     * part fails (or was cancelled because the task closed its backends), what the others wrote is
     * deleted before the exception is thrown, since no checkpoint will refer to it.
     */
    public OperatorRestoreState complete() throws Exception {
        KeyedStateHandle k = run(keyed);
        OperatorStateHandle o;
        try {
            o = run(operator);
        } catch (Exception | Error e) {
            discardUnacknowledged(k);
            throw e;
        }
        return new OperatorRestoreState(checkpointId, k == null ? java.util.List.of() : java.util.List.of(k),
            o == null ? java.util.List.of() : java.util.List.of(o), timers);
    }

    /**
     * Deletes a keyed snapshot that was never acknowledged: its own files and the shared files it
     * uploaded (placeholders name files of completed checkpoints and are left alone). Best effort.
     */
    public static void discardUnacknowledged(KeyedStateHandle handle) {
        if (handle == null) {
            return;
        }
        try {
            handle.discardState();
            if (handle instanceof io.weir.checkpoint.metadata.IncrementalKeyedStateHandle inc) {
                for (var f : inc.sharedState()) {
                    f.handle().discardState();
                }
            }
        } catch (java.io.IOException | RuntimeException ignored) {
            // the files stay; nothing refers to them
        }
    }

    private static <T extends java.io.Serializable> T run(RunnableFuture<SnapshotResult<T>> f) throws Exception {
        if (f == null) {
            return null;
        }
        f.run();
        SnapshotResult<T> r = f.get();
        return r == null || r.isEmpty() ? null : r.getHandle();
    }
}
