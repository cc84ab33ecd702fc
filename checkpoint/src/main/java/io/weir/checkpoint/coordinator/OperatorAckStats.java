package io.weir.checkpoint.coordinator;

/**
 * How far one operator is with one checkpoint: acknowledged subtasks of all, the duration from
 * trigger to its latest acknowledgement (-1 before the first), the longest asynchronous snapshot
 * part among its subtasks (writing the files; shared by the operators of one chain), and the sizes
 * its subtasks reported.
 */
public record OperatorAckStats(String uid, int acknowledgedSubtasks, int totalSubtasks, long latestAckDurationMillis,
                               long asyncDurationMillis, long stateSize, long checkpointedSize) {
}
