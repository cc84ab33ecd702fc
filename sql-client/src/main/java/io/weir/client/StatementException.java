package io.weir.client;

/**
 * A statement failed. The message is for the user; the position, when known, is 1-based and
 * relative to the statement's text (the script runner translates it to the file's lines).
 */
public class StatementException extends RuntimeException {
    private final int line;
    private final int column;

    public StatementException(String message) {
        this(message, 0, 0, null);
    }

    public StatementException(String message, Throwable cause) {
        this(message, 0, 0, cause);
    }

    public StatementException(String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    public boolean hasPosition() {
        return line > 0;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
