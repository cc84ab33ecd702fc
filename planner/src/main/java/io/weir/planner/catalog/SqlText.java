package io.weir.planner.catalog;

import io.weir.parser.SqlParseError;
import io.weir.parser.WeirSqlParser;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Cuts the text of a statement's last part (a view's query) out of the statement, as the user wrote it. */
final class SqlText {
    private static final int MAX_OPENING_PARENTHESES = 16;

    private SqlText() {
    }

    /**
     * The text from where {@code node} starts to the end of the statement (without a final
     * {@code ;}), widened over opening parentheses that the node's position leaves out; the
     * node's unparsed SQL when no such text parses on its own.
     */
    static String extractTail(String sql, SqlNode node) {
        SqlParserPos pos = earliestStart(node, node.getParserPosition());
        if (sql != null && pos.getLineNum() > 0) {
            int begin = offset(sql, pos.getLineNum(), pos.getColumnNum());
            String tail = stripSemicolon(sql);
            for (int i = 0; begin >= 0 && begin < tail.length() && i <= MAX_OPENING_PARENTHESES; i++) {
                String candidate = tail.substring(begin).strip();
                if (parses(candidate)) {
                    return candidate;
                }
                begin = previousOpeningParenthesis(tail, begin);
            }
        }
        return WeirSqlParser.toSql(node);
    }

    /** The earliest start among a node and its descendants (a SqlOrderBy's own position is its ORDER BY). */
    private static SqlParserPos earliestStart(SqlNode node, SqlParserPos best) {
        if (node == null) {
            return best;
        }
        SqlParserPos pos = node.getParserPosition();
        if (pos.getLineNum() > 0 && (best.getLineNum() <= 0 || pos.getLineNum() < best.getLineNum()
            || (pos.getLineNum() == best.getLineNum() && pos.getColumnNum() < best.getColumnNum()))) {
            best = pos;
        }
        if (node instanceof SqlCall) {
            for (SqlNode operand : ((SqlCall) node).getOperandList()) {
                best = earliestStart(operand, best);
            }
        } else if (node instanceof SqlNodeList) {
            for (SqlNode element : (SqlNodeList) node) {
                best = earliestStart(element, best);
            }
        }
        return best;
    }

    private static String stripSemicolon(String sql) {
        String s = sql.stripTrailing();
        return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
    }

    /** The offset of the '(' before {@code begin} with only whitespace between, or -1. */
    private static int previousOpeningParenthesis(String sql, int begin) {
        int i = begin - 1;
        while (i >= 0 && Character.isWhitespace(sql.charAt(i))) {
            i--;
        }
        return i >= 0 && sql.charAt(i) == '(' ? i : -1;
    }

    private static boolean parses(String text) {
        try {
            WeirSqlParser.parseStatement(text);
            return true;
        } catch (SqlParseError e) {
            return false;
        }
    }

    /** The 0-based offset of a 1-based line and column, or -1. */
    private static int offset(String sql, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int nl = sql.indexOf('\n', offset);
            if (nl < 0) {
                return -1;
            }
            offset = nl + 1;
        }
        return offset + column - 1;
    }
}
