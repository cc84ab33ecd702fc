package io.weir.runtime.connector;

/**
 * Deterministic transaction ids: {@code weir-<job>-<operator uid>-<subtask>-<checkpoint>}. The data
 * written after checkpoint {@code n-1} belongs to transaction {@code n} (the checkpoint that will
 * commit it), so after a restore from checkpoint {@code n} a sink can find every transaction of its
 * subtask with a number greater than {@code n} by prefix and abort it. The id of the tail written at
 * end of input without checkpointing uses {@link #END_OF_INPUT}.
 */
public final class TransactionIds {
    /** The pseudo checkpoint id of the final commit at end of input when checkpointing is off. */
    public static final long END_OF_INPUT = Long.MAX_VALUE;

    private TransactionIds() {
    }

    public static String of(String jobId, String operatorUid, int subtaskIndex, long checkpointId) {
        return prefix(jobId, operatorUid, subtaskIndex) + checkpointId;
    }

    /** The common prefix of all transactions of one subtask (ends with '-'). */
    public static String prefix(String jobId, String operatorUid, int subtaskIndex) {
        return "weir-" + jobId + "-" + operatorUid + "-" + subtaskIndex + "-";
    }

    /** The checkpoint id of a transaction id made by {@link #of}. */
    public static long checkpointIdOf(String transactionId) {
        return Long.parseLong(transactionId.substring(transactionId.lastIndexOf('-') + 1));
    }
}
