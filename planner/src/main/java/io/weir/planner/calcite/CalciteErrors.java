package io.weir.planner.calcite;

import io.weir.planner.ValidationException;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Turns Calcite's exceptions into {@link ValidationException}s that carry line and column. */
public final class CalciteErrors {
    private CalciteErrors() {
    }

    /** Wraps a parse or validation failure; other exceptions are returned as-is in a wrapper. */
    public static ValidationException toValidationException(String what, Throwable e) {
        if (e instanceof ValidationException) {
            return (ValidationException) e;
        }
        if (e instanceof CalciteContextException) {
            CalciteContextException c = (CalciteContextException) e;
            return new ValidationException(what + ": " + c.getMessage(), c.getPosLine(), c.getPosColumn(), e);
        }
        if (e instanceof SqlParseException) {
            SqlParserPos pos = ((SqlParseException) e).getPos();
            String msg = e.getMessage();
            return new ValidationException(what + ": " + msg, pos == null ? 0 : pos.getLineNum(),
                pos == null ? 0 : pos.getColumnNum(), e);
        }
        Throwable cause = e.getCause();
        if (cause != null && cause != e && (cause instanceof CalciteContextException
            || cause instanceof SqlParseException || cause instanceof ValidationException)) {
            return toValidationException(what, cause);
        }
        return new ValidationException(what + ": " + e.getMessage(), e);
    }
}
