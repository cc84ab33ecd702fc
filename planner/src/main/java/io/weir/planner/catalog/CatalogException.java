package io.weir.planner.catalog;

import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A catalog operation that cannot be done: an object that exists or is missing, or a table
 * definition that is invalid. When the problem is in a statement's text, the message ends with
 * its position and {@link #line()} / {@link #column()} are set (else 0).
 */
public final class CatalogException extends RuntimeException {
    private final int line;
    private final int column;

    public CatalogException(String message) {
        this(message, 0, 0, null);
    }

    private CatalogException(String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    /** An error about the SQL text at {@code pos} (ignored when it is unknown). */
    public static CatalogException at(SqlParserPos pos, String message) {
        return at(pos, message, null);
    }

    public static CatalogException at(SqlParserPos pos, String message, Throwable cause) {
        if (pos == null || pos.getLineNum() <= 0) {
            return new CatalogException(message, 0, 0, cause);
        }
        return new CatalogException(message + " (at line " + pos.getLineNum() + ", column " + pos.getColumnNum() + ")",
            pos.getLineNum(), pos.getColumnNum(), cause);
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
