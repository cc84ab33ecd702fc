package io.weir.runtime.cluster;

/** The life cycle of a job. Terminal: FINISHED, FAILED, CANCELED. */
public enum JobStatus {
    CREATED, RUNNING, FINISHING, FINISHED, FAILING, FAILED, CANCELLING, CANCELED;

    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELED;
    }
}
