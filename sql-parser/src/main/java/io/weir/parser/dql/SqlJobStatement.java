package io.weir.parser.dql;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Shared shape of the statements about one job by its id: {@code <keywords> 'job-id'}. */
public abstract class SqlJobStatement extends SqlCall {
    private final SqlOperator operator;
    private final SqlCharStringLiteral jobId;

    SqlJobStatement(SqlParserPos pos, String keywords, SqlCharStringLiteral jobId) {
        super(pos);
        this.operator = new SqlSpecialOperator(keywords, SqlKind.OTHER);
        this.jobId = jobId;
    }

    public String getJobId() {
        return jobId.getValueAs(String.class);
    }

    @Override
    public SqlOperator getOperator() {
        return operator;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(jobId);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(operator.getName());
        jobId.unparse(writer, 0, 0);
    }
}
