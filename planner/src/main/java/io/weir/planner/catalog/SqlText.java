package io.weir.planner.catalog;

import io.weir.parser.WeirSqlParser;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Cuts the text of a parsed node out of the statement it came from. */
final class SqlText {
    private SqlText() {
    }

    /** The text {@code node} was parsed from, or its unparsed SQL when that cannot be found. */
    static String extract(String sql, SqlNode node) {
        SqlParserPos pos = node.getParserPosition();
        if (sql != null && pos.getLineNum() > 0) {
            int begin = offset(sql, pos.getLineNum(), pos.getColumnNum());
            int end = offset(sql, pos.getEndLineNum(), pos.getEndColumnNum());
            if (begin >= 0 && end >= begin && end < sql.length()) {
                return sql.substring(begin, end + 1);
            }
        }
        return WeirSqlParser.toSql(node);
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
