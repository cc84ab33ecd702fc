package io.weir.parser.dml;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The script marker {@code END} that closes a statement set: the client collects the INSERTs between
 * {@code BEGIN STATEMENT SET;} and {@code END;} and runs them as one job.
 */
public final class SqlEndStatementSet extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("END", SqlKind.OTHER);

    public SqlEndStatementSet(SqlParserPos pos) {
        super(pos);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of();
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("END");
    }
}
