package io.weir.checkpoint.coordinator;

/**
 * How far one operator is with one checkpoint: acknowledged subtasks of all, the duration from
 * trigger to its latest acknowledgement, and the sizes its subtasks reported.
 */
public record OperatorAckStats(String uid, int acknowledgedSubtasks, int totalSubtasks, long latestAckDurationMillis,
                               long stateSize, long checkpointedSize) {
}
