package io.weir.checkpoint.coordinator;

import io.weir.checkpoint.metadata.CheckpointKind;
import java.util.List;

/**
 * Statistics of one checkpoint, as shown by {@code SHOW CHECKPOINTS} and the checkpoint system
 * table. Durations are -1 while in progress; {@code alignmentDurationMillis} is the longest of the
 * subtasks; sizes and alignment bytes are sums over the acknowledged subtasks.
 */
public record CheckpointStatsRecord(long checkpointId, CheckpointKind kind, CheckpointStatus status, long triggerTimestamp,
                                    long endToEndDurationMillis, long checkpointedSize, long stateSize,
                                    long bytesProcessedDuringAlignment, long bytesPersistedDuringAlignment,
                                    long alignmentDurationMillis, boolean unaligned, int acknowledgedTasks, int totalTasks,
                                    List<OperatorAckStats> operators, String failureMessage, String externalPointer) {
}
