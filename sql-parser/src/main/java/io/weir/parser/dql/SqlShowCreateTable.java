package io.weir.parser.dql;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW CREATE TABLE name}. */
public final class SqlShowCreateTable extends SqlShowCreate {
    public SqlShowCreateTable(SqlParserPos pos, SqlIdentifier name) {
        super(pos, "SHOW CREATE TABLE", name);
    }
}
