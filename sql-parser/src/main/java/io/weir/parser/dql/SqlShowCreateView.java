package io.weir.parser.dql;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW CREATE VIEW name}. */
public final class SqlShowCreateView extends SqlShowCreate {
    public SqlShowCreateView(SqlParserPos pos, SqlIdentifier name) {
        super(pos, "SHOW CREATE VIEW", name);
    }
}
