package io.weir.parser.dql;

import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW CHECKPOINTS 'job-id'}: the job's recent checkpoints and savepoints, one row each. */
public final class SqlShowCheckpoints extends SqlJobStatement {
    public SqlShowCheckpoints(SqlParserPos pos, SqlCharStringLiteral jobId) {
        super(pos, "SHOW CHECKPOINTS", jobId);
    }
}
