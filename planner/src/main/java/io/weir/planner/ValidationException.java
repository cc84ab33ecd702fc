package io.weir.planner;

/**
 * A user error found while planning: a parse or validation error, or SQL that Weir cannot run
 * correctly ("not supported in streaming: ..." / "not supported yet: ...").
 *
 * <p>{@link #line()} and {@link #column()} are 1-based and 0 when the error has no position.
 */
public class ValidationException extends RuntimeException {
    private final int line;
    private final int column;

    public ValidationException(String message) {
        this(message, 0, 0, null);
    }

    public ValidationException(String message, Throwable cause) {
        this(message, 0, 0, cause);
    }

    public ValidationException(String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
