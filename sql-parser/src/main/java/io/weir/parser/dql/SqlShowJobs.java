package io.weir.parser.dql;

import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW JOBS}. */
public final class SqlShowJobs extends SqlShowObjects {
    public SqlShowJobs(SqlParserPos pos) {
        super(pos, "SHOW JOBS");
    }
}
