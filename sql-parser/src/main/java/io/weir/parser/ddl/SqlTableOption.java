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

/** One {@code 'key' = 'value'} entry of a {@code WITH (...)} clause. */
public final class SqlTableOption extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("TABLE_OPTION", SqlKind.OTHER);

    private final SqlCharStringLiteral key;
    private final SqlCharStringLiteral value;

    public SqlTableOption(SqlParserPos pos, SqlCharStringLiteral key, SqlCharStringLiteral value) {
        super(pos);
        this.key = key;
        this.value = value;
    }

    public String getKeyString() {
        return key.getValueAs(String.class);
    }

    public String getValueString() {
        return value.getValueAs(String.class);
    }

    public SqlCharStringLiteral getKey() {
        return key;
    }

    public SqlCharStringLiteral getValue() {
        return value;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(key, value);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        key.unparse(writer, 0, 0);
        writer.keyword("=");
        value.unparse(writer, 0, 0);
    }
}
