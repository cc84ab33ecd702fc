package io.weir.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code STOP JOB 'id' [WITH SAVEPOINT] [WITH DRAIN]}. */
public final class SqlStopJob extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("STOP JOB", SqlKind.OTHER);

    private final SqlCharStringLiteral jobId;
    private final boolean withSavepoint;
    private final boolean withDrain;

    public SqlStopJob(SqlParserPos pos, SqlCharStringLiteral jobId, boolean withSavepoint, boolean withDrain) {
        super(pos);
        this.jobId = jobId;
        this.withSavepoint = withSavepoint;
        this.withDrain = withDrain;
    }

    public String getJobId() {
        return jobId.getValueAs(String.class);
    }

    public boolean isWithSavepoint() {
        return withSavepoint;
    }

    public boolean isWithDrain() {
        return withDrain;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(jobId);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("STOP JOB");
        jobId.unparse(writer, 0, 0);
        if (withSavepoint) {
            writer.keyword("WITH SAVEPOINT");
        }
        if (withDrain) {
            writer.keyword("WITH DRAIN");
        }
    }
}
