package io.weir.runtime.tasks;

/** An operator threw: carries the operator's name up through the chain to the task's failure report. */
public final class OperatorException extends RuntimeException {
    private final String operatorName;

    public OperatorException(String operatorName, Throwable cause) {
        super("operator '" + operatorName + "' failed: " + cause, cause);
        this.operatorName = operatorName;
    }

    public String operatorName() {
        return operatorName;
    }
}
