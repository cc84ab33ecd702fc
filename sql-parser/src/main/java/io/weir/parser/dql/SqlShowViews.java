package io.weir.parser.dql;

import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW VIEWS}. */
public final class SqlShowViews extends SqlShowObjects {
    public SqlShowViews(SqlParserPos pos) {
        super(pos, "SHOW VIEWS");
    }
}
