package io.weir.parser.dql;

import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW FUNCTIONS}. */
public final class SqlShowFunctions extends SqlShowObjects {
    public SqlShowFunctions(SqlParserPos pos) {
        super(pos, "SHOW FUNCTIONS");
    }
}
