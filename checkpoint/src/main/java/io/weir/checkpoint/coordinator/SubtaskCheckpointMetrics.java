package io.weir.checkpoint.coordinator;

/**
 * What a task measured while taking its part of a checkpoint, sent with the acknowledgement.
 *
 * @param syncDurationMillis            synchronous part on the task thread
 * @param asyncDurationMillis           asynchronous part (writing files)
 * @param alignmentDurationMillis       from the first to the last barrier (0 for sources)
 * @param bytesProcessedDuringAlignment input processed while aligning
 * @param bytesPersistedDuringAlignment in-flight data persisted as channel state (unaligned)
 * @param unaligned                     whether the task took the checkpoint unaligned
 */
public record SubtaskCheckpointMetrics(long syncDurationMillis, long asyncDurationMillis, long alignmentDurationMillis,
                                       long bytesProcessedDuringAlignment, long bytesPersistedDuringAlignment,
                                       boolean unaligned) {
    public static final SubtaskCheckpointMetrics NONE = new SubtaskCheckpointMetrics(0, 0, 0, 0, 0, false);
}
