package io.weir.parser.ddl;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

import java.util.List;

/** {@code SET} (list the configuration) or {@code SET 'key' = 'value'}. */
public final class SqlSet extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("SET", SqlKind.SET_OPTION);

    private final SqlCharStringLiteral key;
    private final SqlCharStringLiteral value;

    public SqlSet(SqlParserPos pos, SqlCharStringLiteral key, SqlCharStringLiteral value) {
        super(pos);
        this.key = key;
        this.value = value;
    }

    /** The key, or null for a bare {@code SET}. */
    public String getKeyString() {
        return key == null ? null : key.getValueAs(String.class);
    }

    /** The value, or null for a bare {@code SET}. */
    public String getValueString() {
        return value == null ? null : value.getValueAs(String.class);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(key, value);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("SET");
        if (key != null) {
            key.unparse(writer, 0, 0);
            writer.keyword("=");
            value.unparse(writer, 0, 0);
        }
    }
}
