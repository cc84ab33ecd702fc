package io.weir.checkpoint.barrier;

/**
 * What barrier handling measured for one checkpoint at one task.
 *
 * @param alignmentDurationMillis        how long the task's input was held back for this checkpoint:
 *                                       first to last barrier when aligned, first barrier to the
 *                                       snapshot when (or after switching to) unaligned
 * @param bytesProcessedDuringAlignment  input processed between the first and the last barrier
 * @param bytesPersistedDuringAlignment  in-flight input persisted as channel state (unaligned)
 * @param unaligned                      whether the snapshot was taken unaligned
 */
public record AlignmentMetrics(long alignmentDurationMillis, long bytesProcessedDuringAlignment,
                               long bytesPersistedDuringAlignment, boolean unaligned) {
}
