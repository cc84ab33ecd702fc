package io.weir.parser.dql;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Shared shape of {@code SHOW CREATE TABLE | VIEW name}. */
public abstract class SqlShowCreate extends SqlCall {
    private final SqlOperator operator;
    private final SqlIdentifier name;

    SqlShowCreate(SqlParserPos pos, String keywords, SqlIdentifier name) {
        super(pos);
        this.operator = new SqlSpecialOperator(keywords, SqlKind.OTHER);
        this.name = name;
    }

    public SqlIdentifier getName() {
        return name;
    }

    @Override
    public SqlOperator getOperator() {
        return operator;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(operator.getName());
        name.unparse(writer, leftPrec, rightPrec);
    }
}
