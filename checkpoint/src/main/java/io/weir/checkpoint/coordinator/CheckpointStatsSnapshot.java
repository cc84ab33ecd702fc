package io.weir.checkpoint.coordinator;

import java.util.List;
import java.util.Optional;

/**
 * An immutable view of a job's checkpoint statistics: counts, the latest completed, failed and
 * restored checkpoint, and the recent history (newest first).
 */
public record CheckpointStatsSnapshot(long triggered, long inProgress, long completed, long failed, long restored,
                                      Optional<CheckpointStatsRecord> latestCompleted,
                                      Optional<CheckpointStatsRecord> latestFailed,
                                      Optional<RestoredCheckpointStats> latestRestored,
                                      List<CheckpointStatsRecord> history) {

    /** A restore: which checkpoint, when, from where. */
    public record RestoredCheckpointStats(long checkpointId, long restoreTimestamp, String pointer) {
    }

    public Optional<CheckpointStatsRecord> checkpoint(long checkpointId) {
        return history.stream().filter(r -> r.checkpointId() == checkpointId).findFirst();
    }
}
