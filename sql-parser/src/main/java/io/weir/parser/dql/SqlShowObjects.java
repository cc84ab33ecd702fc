package io.weir.parser.dql;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Shared shape of {@code SHOW TABLES | VIEWS | FUNCTIONS | JOBS}. */
public abstract class SqlShowObjects extends SqlCall {
    private final SqlOperator operator;

    SqlShowObjects(SqlParserPos pos, String keywords) {
        super(pos);
        this.operator = new SqlSpecialOperator(keywords, SqlKind.OTHER);
    }

    @Override
    public SqlOperator getOperator() {
        return operator;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of();
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(operator.getName());
    }
}
