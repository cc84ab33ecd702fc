package io.weir.runtime.connector;

import io.weir.checkpoint.config.Configuration;

/**
 * Who runs a sink writer or committer: job, operator uid and subtask, from which
 * {@link TransactionIds} derive transaction names deterministically (STYLE.md 3).
 */
public interface SinkContext {
    String jobId();

    String operatorUid();

    int subtaskIndex();

    int parallelism();

    Configuration configuration();

    /** The checkpoint the subtask was restored from, or -1 for a fresh start. */
    long restoredCheckpointId();

    /** The transaction id of this subtask for {@code checkpointId}. */
    default String transactionId(long checkpointId) {
        return TransactionIds.of(jobId(), operatorUid(), subtaskIndex(), checkpointId);
    }
}
