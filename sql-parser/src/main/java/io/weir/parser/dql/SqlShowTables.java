package io.weir.parser.dql;

import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW TABLES}. */
public final class SqlShowTables extends SqlShowObjects {
    public SqlShowTables(SqlParserPos pos) {
        super(pos, "SHOW TABLES");
    }
}
