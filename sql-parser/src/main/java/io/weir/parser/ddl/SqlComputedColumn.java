package io.weir.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/** A computed column {@code name AS expr [COMMENT 'c']}; its type is derived from the expression. */
public final class SqlComputedColumn extends SqlTableColumn {
    private final SqlNode expression;

    public SqlComputedColumn(SqlParserPos pos, SqlIdentifier name, SqlNode expression, SqlCharStringLiteral comment) {
        super(pos, name, comment);
        this.expression = expression;
    }

    public SqlNode getExpression() {
        return expression;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(getName(), expression, getComment());
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        getName().unparse(writer, 0, 0);
        writer.keyword("AS");
        expression.unparse(writer, 0, 0);
        unparseComment(writer);
    }
}
