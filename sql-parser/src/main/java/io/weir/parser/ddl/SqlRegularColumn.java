package io.weir.parser.ddl;

import io.weir.parser.type.DataTypeSpecs;
import java.util.List;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * A physical column {@code name TYPE [NOT NULL] [COMMENT 'c']}. The type's
 * {@link SqlDataTypeSpec#getNullable() nullability} is always set (nullable unless NOT NULL).
 * A column-level {@code PRIMARY KEY} is recorded on the table, not here.
 */
public final class SqlRegularColumn extends SqlTableColumn {
    private final SqlDataTypeSpec type;

    public SqlRegularColumn(SqlParserPos pos, SqlIdentifier name, SqlDataTypeSpec type, SqlCharStringLiteral comment) {
        super(pos, name, comment);
        this.type = type;
    }

    public SqlDataTypeSpec getType() {
        return type;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(getName(), type, getComment());
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        getName().unparse(writer, 0, 0);
        DataTypeSpecs.unparseWithNullability(writer, type);
        unparseComment(writer);
    }
}
