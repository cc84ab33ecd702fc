package io.weir.checkpoint.coordinator;

import io.weir.checkpoint.metadata.CheckpointKind;
import io.weir.checkpoint.metadata.OperatorSubtaskState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects checkpoint statistics from the coordinator's events; {@link #snapshot()} gives an
 * immutable view. Coordinator thread only, except {@link #snapshot()}, which is synchronized and
 * may be called from any thread (the client asking for {@code SHOW CHECKPOINTS}).
 */
public final class CheckpointStatsTracker {
    private final int historySize;
    private final Map<Long, Tracked> inProgress = new LinkedHashMap<>();
    private final ArrayDeque<CheckpointStatsRecord> finished = new ArrayDeque<>();
    private long triggered;
    private long completed;
    private long failed;
    private long restored;
    private CheckpointStatsRecord latestCompleted;
    private CheckpointStatsRecord latestFailed;
    private CheckpointStatsSnapshot.RestoredCheckpointStats latestRestored;

    /** @param historySize how many finished checkpoints the history keeps */
    public CheckpointStatsTracker(int historySize) {
        this.historySize = historySize;
    }

    /** Mutable statistics of one in-progress checkpoint. */
    private static final class Tracked {
        final long id;
        final CheckpointKind kind;
        final long triggerTimestamp;
        final int totalTasks;
        final Map<String, OperatorInfo> operators = new LinkedHashMap<>();
        final Map<String, long[]> perOperator = new LinkedHashMap<>(); // acked, latest ack duration, state, checkpointed, async
        int acknowledged;
        long checkpointedSize;
        long stateSize;
        long processed;
        long persisted;
        long alignment;
        boolean unaligned;

        Tracked(PendingCheckpoint p) {
            id = p.checkpointId();
            kind = p.kind();
            triggerTimestamp = p.triggerTimestamp();
            totalTasks = p.numberOfTasks();
            for (OperatorInfo op : p.plan().operators()) {
                operators.put(op.uid(), op);
                perOperator.put(op.uid(), new long[5]);
            }
        }

        CheckpointStatsRecord toRecord(CheckpointStatus status, long endTime, String failure, String pointer) {
            List<OperatorAckStats> ops = new ArrayList<>();
            perOperator.forEach((uid, v) -> ops.add(new OperatorAckStats(uid, (int) v[0], operators.get(uid).parallelism(),
                v[0] == 0 ? -1 : v[1], v[4], v[2], v[3])));
            long duration = endTime < 0 ? -1 : endTime - triggerTimestamp;
            return new CheckpointStatsRecord(id, kind, status, triggerTimestamp, duration, checkpointedSize, stateSize,
                processed, persisted, alignment, unaligned, acknowledged, totalTasks, List.copyOf(ops), failure, pointer);
        }
    }

    public synchronized void reportPending(PendingCheckpoint pending) {
        triggered++;
        inProgress.put(pending.checkpointId(), new Tracked(pending));
    }

    /** A checkpoint that failed before it could start (no pending checkpoint was created). */
    public synchronized void reportFailedToStart(long checkpointId, CheckpointKind kind, long now, String failure) {
        triggered++;
        failed++;
        latestFailed = new CheckpointStatsRecord(checkpointId, kind, CheckpointStatus.FAILED, now, 0, 0, 0, 0, 0, 0, false,
            0, 0, List.of(), failure, null);
        addFinished(latestFailed);
    }

    public synchronized void reportAck(CheckpointAck ack, long now) {
        Tracked t = inProgress.get(ack.checkpointId());
        if (t == null) {
            return;
        }
        t.acknowledged++;
        t.checkpointedSize += ack.checkpointedSize();
        t.stateSize += ack.stateSize();
        SubtaskCheckpointMetrics m = ack.metrics();
        t.processed += m.bytesProcessedDuringAlignment();
        t.persisted += m.bytesPersistedDuringAlignment();
        t.alignment = Math.max(t.alignment, m.alignmentDurationMillis());
        t.unaligned |= m.unaligned();
        for (OperatorInfo op : t.operators.values()) {
            if (!op.vertexId().equals(ack.task().vertexId())) {
                continue;
            }
            long[] v = t.perOperator.get(op.uid());
            OperatorSubtaskState s = ack.operatorStates().get(op.uid());
            v[0]++;
            v[1] = Math.max(v[1], now - t.triggerTimestamp);
            v[2] += s == null ? 0 : s.stateSize();
            v[3] += s == null ? 0 : s.checkpointedSize();
            v[4] = Math.max(v[4], m.asyncDurationMillis());
        }
    }

    public synchronized void reportCompleted(long checkpointId, long now, String pointer) {
        Tracked t = inProgress.remove(checkpointId);
        if (t != null) {
            completed++;
            latestCompleted = t.toRecord(CheckpointStatus.COMPLETED, now, null, pointer);
            addFinished(latestCompleted);
        }
    }

    public synchronized void reportFailed(long checkpointId, long now, String failure) {
        Tracked t = inProgress.remove(checkpointId);
        if (t != null) {
            failed++;
            latestFailed = t.toRecord(CheckpointStatus.FAILED, now, failure, null);
            addFinished(latestFailed);
        }
    }

    public synchronized void reportRestored(long checkpointId, long now, String pointer) {
        restored++;
        latestRestored = new CheckpointStatsSnapshot.RestoredCheckpointStats(checkpointId, now, pointer);
    }

    private void addFinished(CheckpointStatsRecord r) {
        finished.addFirst(r);
        while (finished.size() > historySize) {
            finished.removeLast();
        }
    }

    public synchronized CheckpointStatsSnapshot snapshot() {
        List<CheckpointStatsRecord> history = new ArrayList<>();
        List<Tracked> running = new ArrayList<>(inProgress.values());
        for (int i = running.size() - 1; i >= 0; i--) {
            history.add(running.get(i).toRecord(CheckpointStatus.IN_PROGRESS, -1, null, null));
        }
        history.addAll(finished);
        return new CheckpointStatsSnapshot(triggered, inProgress.size(), completed, failed, restored,
            Optional.ofNullable(latestCompleted), Optional.ofNullable(latestFailed), Optional.ofNullable(latestRestored),
            List.copyOf(history));
    }
}
