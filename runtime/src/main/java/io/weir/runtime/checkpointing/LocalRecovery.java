package io.weir.runtime.checkpointing;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.coordinator.TaskId;
import io.weir.checkpoint.metadata.IncrementalKeyedStateHandle;
import io.weir.checkpoint.metadata.OperatorSubtaskState;
import io.weir.checkpoint.metadata.PlaceholderStreamStateHandle;
import io.weir.checkpoint.metadata.StateHandles;
import io.weir.checkpoint.state.snapshot.StreamStateHandle;
import io.weir.checkpoint.storage.TaskLocalStateStore;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.operators.OperatorFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Local recovery of one job ({@code execution.checkpointing.local-backup.enabled}): each subtask
 * keeps a local copy of the state files it acknowledged ({@link TaskLocalStateStore} under
 * {@code local-backup.dirs}), and a restart at the same parallelism reads the intact local copies
 * instead of the checkpoint storage, falling back to the remote file for any copy that is missing
 * or damaged (size or CRC-32 differ). A restore at another parallelism reads remote state only.
 *
 * <p>Threads: {@link #store} on the asynchronous snapshot pool (before the task acknowledges, so a
 * completed checkpoint has its local copies unless copying failed); {@link #confirm}, {@link #abort}
 * and {@link #dispose} from the coordinator thread (they run file deletions on the given pool);
 * {@link #restore} on the deploying thread. Thread-safe.
 *
 * <p>Maintenance note: Flink writes the local copy while writing the remote one (a duplicating
 * stream); Weir copies the files after they were written remotely, which costs a read but keeps
 * the backends unaware of local recovery.
 */
final class LocalRecovery {
    private final Configuration configuration;
    private final String jobId;
    private final Map<String, String> vertexOfOperator = new HashMap<>();
    private final Map<TaskId, TaskLocalStateStore> stores = new ConcurrentHashMap<>();
    /** Per subtask: the shared files (by registry key) its latest snapshot uses, to resolve placeholders. */
    private final Map<TaskId, Map<String, StreamStateHandle>> sharedFiles = new ConcurrentHashMap<>();
    private final AtomicLong localFiles = new AtomicLong();
    private final AtomicLong remoteFallbacks = new AtomicLong();

    LocalRecovery(Configuration configuration, String jobId, JobGraph graph) {
        this.configuration = configuration;
        this.jobId = jobId;
        for (JobVertex v : graph.vertices()) {
            for (OperatorFactory f : v.chain()) {
                vertexOfOperator.put(f.uid(), v.uid());
            }
        }
    }

    private TaskLocalStateStore store(TaskId task) {
        return stores.computeIfAbsent(task, t -> TaskLocalStateStore.forTask(configuration, jobId, t.vertexId(), t.subtaskIndex()));
    }

    /** Keeps local copies of a subtask's acknowledged state; a failed copy is dropped (the remote state is complete). */
    void store(TaskId task, long checkpointId, Map<String, OperatorSubtaskState> state) {
        TaskLocalStateStore s = store(task);
        try {
            s.storeLocalState(checkpointId, resolvePlaceholders(task, state));
        } catch (IOException | RuntimeException e) {
            try {
                s.abortCheckpoint(checkpointId);
            } catch (IOException ignored) {
                // nothing indexed: the copy is simply not used
            }
        }
    }

    /**
     * An incremental snapshot names the shared files an earlier checkpoint uploaded by placeholder
     * only; the local copy needs the real files, which this task's earlier snapshots uploaded.
     */
    private Map<String, OperatorSubtaskState> resolvePlaceholders(TaskId task, Map<String, OperatorSubtaskState> state) {
        Map<String, StreamStateHandle> known = sharedFiles.computeIfAbsent(task, t -> new ConcurrentHashMap<>());
        Map<String, StreamStateHandle> current = new HashMap<>();
        for (OperatorSubtaskState s : state.values()) {
            for (IncrementalKeyedStateHandle h : s.incrementalKeyedState()) {
                for (IncrementalKeyedStateHandle.HandleAndLocalPath f : h.sharedState()) {
                    String key = h.registryKey(f.localPath());
                    StreamStateHandle real = f.handle() instanceof PlaceholderStreamStateHandle ? known.get(key) : f.handle();
                    if (real != null) {
                        current.put(key, real);
                    }
                }
            }
        }
        known.keySet().retainAll(current.keySet());
        known.putAll(current);
        Map<String, OperatorSubtaskState> resolved = new HashMap<>();
        state.forEach((uid, s) -> resolved.put(uid, StateHandles.map(s,
            h -> h instanceof PlaceholderStreamStateHandle p && current.containsKey(p.registryKey()) ? current.get(p.registryKey()) : h)));
        return resolved;
    }

    /** Checkpoint {@code checkpointId} completed: copies of older checkpoints go. */
    void confirm(long checkpointId, java.util.concurrent.Executor io) {
        for (TaskLocalStateStore s : stores.values()) {
            io.execute(() -> quietly(() -> s.confirmCheckpoint(checkpointId)));
        }
    }

    /** Checkpoint {@code checkpointId} was aborted: its copies go. */
    void abort(long checkpointId, java.util.concurrent.Executor io) {
        for (TaskLocalStateStore s : stores.values()) {
            io.execute(() -> quietly(() -> s.abortCheckpoint(checkpointId)));
        }
    }

    /**
     * The state of {@code operatorUid}'s subtask with intact local copies in place of remote files.
     * Counts the files read locally and the remote fallbacks.
     */
    OperatorSubtaskState restore(String operatorUid, int subtaskIndex, long checkpointId, OperatorSubtaskState remote) {
        String vertex = vertexOfOperator.get(operatorUid);
        if (vertex == null) {
            return remote;
        }
        try {
            TaskLocalStateStore.RestoreResult r = store(new TaskId(vertex, subtaskIndex))
                .retrieve(checkpointId, Map.of(operatorUid, remote));
            localFiles.addAndGet(r.localFiles());
            remoteFallbacks.addAndGet(r.remoteFallbacks());
            return r.state().get(operatorUid);
        } catch (IOException e) {
            return remote;
        }
    }

    /** Files restored from local copies so far (all restores of this job). */
    long localFilesRestored() {
        return localFiles.get();
    }

    /** Files restored from the checkpoint storage because no intact local copy existed. */
    long remoteFallbacks() {
        return remoteFallbacks.get();
    }

    /** The job ended: every local copy goes. */
    void dispose() {
        for (TaskLocalStateStore s : stores.values()) {
            quietly(s::dispose);
            // <dir>/<job-id>, once its last subtask directory is gone
            quietly(() -> java.nio.file.Files.deleteIfExists(s.directory().getParent()));
        }
        stores.clear();
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void quietly(IoAction a) {
        try {
            a.run();
        } catch (IOException | RuntimeException ignored) {
            // local copies are an optimisation: a leftover file is harmless and overwritten or ignored
        }
    }
}
