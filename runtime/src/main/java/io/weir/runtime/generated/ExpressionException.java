package io.weir.runtime.generated;

import io.weir.runtime.data.Row;

/**
 * A runtime error in a generated expression (division by zero, overflow, a bad cast, ...), naming
 * the expression and the row it failed on. The job fails with it; the cause is the original error.
 */
public final class ExpressionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String expression;
    private final transient Row row;

    public ExpressionException(String expression, Row row, Throwable cause) {
        super(message(expression, row, cause), cause);
        this.expression = expression;
        this.row = row;
    }

    private static String message(String expression, Row row, Throwable cause) {
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName()
            : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return "Error evaluating " + expression + " on row " + row + ": " + why;
    }

    /** The failing expression as SQL-like text, with input field names. */
    public String expression() {
        return expression;
    }

    /** The input row, or null if it was not kept. */
    public Row row() {
        return row;
    }
}
