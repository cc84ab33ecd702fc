package io.weir.parser;

import io.weir.parser.impl.ParseException;
import io.weir.parser.impl.Token;
import io.weir.parser.impl.WeirSqlParserImpl;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Entry point of Weir's SQL parser: the Flink SQL dialect on Calcite's grammar. Unquoted
 * identifiers keep their case and are case-sensitive, identifiers are quoted with backticks,
 * with no length limit. Stateless and thread-safe.
 */
public final class WeirSqlParser {
    private static final int MAX_EXPECTED_TOKENS = 8;

    private static final SqlParser.Config CONFIG = SqlParser.config()
        .withParserFactory(WeirSqlParserImpl.FACTORY)
        .withQuoting(Quoting.BACK_TICK)
        .withUnquotedCasing(Casing.UNCHANGED)
        .withQuotedCasing(Casing.UNCHANGED)
        .withCaseSensitive(true)
        .withIdentifierMaxLength(Integer.MAX_VALUE)
        .withConformance(WeirSqlConformance.INSTANCE);

    private WeirSqlParser() {
    }

    /** The parser configuration; the planner's validator uses the same casing and conformance. */
    public static SqlParser.Config config() {
        return CONFIG;
    }

    /** Parses one statement (a trailing {@code ;} is not allowed). */
    public static SqlNode parseStatement(String sql) {
        try {
            return SqlParser.create(sql, CONFIG).parseStmt();
        } catch (SqlParseException e) {
            throw toError(e, sql);
        }
    }

    /** Parses statements separated by {@code ;} (the last one may end with {@code ;}). */
    public static SqlNodeList parseStatements(String sql) {
        try {
            return SqlParser.create(sql, CONFIG).parseStmtList();
        } catch (SqlParseException e) {
            throw toError(e, sql);
        }
    }

    /** Parses one scalar expression, e.g. a computed column's {@code ts - INTERVAL '5' SECOND}. */
    public static SqlNode parseExpression(String sql) {
        try {
            return SqlParser.create(sql, CONFIG).parseExpression();
        } catch (SqlParseException e) {
            throw toError(e, sql);
        }
    }

    /** Unparses a node into SQL text that {@link #parseStatement} reads back. */
    public static String toSql(SqlNode node) {
        return node.toSqlString(WeirSqlDialect.INSTANCE).getSql();
    }

    static SqlParseError toError(SqlParseException e, String sql) {
        int line = 0;
        int column = 0;
        SqlParserPos pos = e.getPos();
        if (pos != null) {
            line = pos.getLineNum();
            column = pos.getColumnNum();
        }
        String detail;
        if (e.getCause() instanceof ParseException && ((ParseException) e.getCause()).currentToken != null) {
            Token next = ((ParseException) e.getCause()).currentToken.next;
            line = next.beginLine;
            column = next.beginColumn;
            detail = "encountered " + describe(next) + expected(e.getExpectedTokenNames());
        } else if (e.getExpectedTokenSequences() != null && pos != null) {
            // Calcite rewrote the message for a keyword ("Incorrect syntax near the keyword ...").
            detail = "encountered \"" + textAt(sql, pos) + "\"" + expected(e.getExpectedTokenNames());
        } else {
            detail = firstLine(e.getMessage());
        }
        String where = line > 0 ? " at line " + line + ", column " + column : "";
        return new SqlParseError("SQL parse error" + where + ": " + detail, line, column, e);
    }

    /** The text of a one-line token at {@code pos}, or "" when it cannot be found. */
    private static String textAt(String sql, SqlParserPos pos) {
        String[] lines = sql.split("\\r?\\n|\\r", -1);
        if (pos.getLineNum() < 1 || pos.getLineNum() > lines.length || pos.getEndLineNum() != pos.getLineNum()) {
            return "";
        }
        String text = lines[pos.getLineNum() - 1];
        int begin = pos.getColumnNum() - 1;
        int end = Math.min(text.length(), pos.getEndColumnNum());
        return begin >= 0 && begin < end ? text.substring(begin, end) : "";
    }

    private static String describe(Token token) {
        if (token.kind == 0) {
            return "end of input";
        }
        return "\"" + token.image + "\"";
    }

    private static String expected(Collection<String> names) {
        if (names == null || names.isEmpty()) {
            return "";
        }
        List<String> shown = new ArrayList<>(names).subList(0, Math.min(MAX_EXPECTED_TOKENS, names.size()));
        String list = String.join(", ", shown);
        if (names.size() > MAX_EXPECTED_TOKENS) {
            list += ", ...";
        }
        return names.size() == 1 ? ", expected " + list : ", expected one of " + list;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        String trimmed = message.strip();
        int nl = trimmed.indexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(0, nl).strip();
    }
}
