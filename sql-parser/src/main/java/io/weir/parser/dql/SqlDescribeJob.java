package io.weir.parser.dql;

import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DESCRIBE | DESC JOB 'job-id'} (Flink 1.20's syntax). */
public final class SqlDescribeJob extends SqlJobStatement {
    public SqlDescribeJob(SqlParserPos pos, SqlCharStringLiteral jobId) {
        super(pos, "DESCRIBE JOB", jobId);
    }
}
