package io.weir.parser;

/**
 * A syntax error in SQL text, at a 1-based line and column (0 when unknown). The message reads
 * {@code SQL parse error at line 3, column 15: encountered "FROMM", expected one of ...}.
 */
public final class SqlParseError extends RuntimeException {
    private final int line;
    private final int column;

    public SqlParseError(String message, int line, int column, Throwable cause) {
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
