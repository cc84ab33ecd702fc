package io.weir.runtime.cluster;

/**
 * Why a job failed: the first task failure, naming the operator (or vertex) and subtask, with the
 * exception as cause.
 */
public final class JobFailure extends RuntimeException {
    private final String operatorName;
    private final int subtaskIndex;

    public JobFailure(String jobName, String operatorName, int subtaskIndex, int parallelism, Throwable cause) {
        super("Job '" + jobName + "' failed in operator '" + operatorName + "' (subtask " + (subtaskIndex + 1) + "/"
            + parallelism + "): " + rootCause(cause), cause);
        this.operatorName = operatorName;
        this.subtaskIndex = subtaskIndex;
    }

    public String operatorName() { return operatorName; }

    /** 0-based subtask index. */
    public int subtaskIndex() { return subtaskIndex; }

    /** The innermost cause. */
    public Throwable rootCause() {
        Throwable t = getCause();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
