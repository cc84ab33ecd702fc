package io.weir.parser.ddl;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code [CONSTRAINT name] PRIMARY KEY (cols) NOT ENFORCED}, declared on the table or on one column.
 * Weir, like Flink, only supports NOT ENFORCED; {@link #isEnforced()} is true when it was missing,
 * so that the catalog can reject it with a clear message.
 */
public final class SqlPrimaryKey extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("PRIMARY KEY", SqlKind.PRIMARY_KEY);

    private final SqlIdentifier constraintName;
    private final SqlNodeList columns;
    private final boolean enforced;
    private final boolean columnLevel;

    public SqlPrimaryKey(SqlParserPos pos, SqlIdentifier constraintName, SqlNodeList columns,
                         boolean enforced, boolean columnLevel) {
        super(pos);
        this.constraintName = constraintName;
        this.columns = columns;
        this.enforced = enforced;
        this.columnLevel = columnLevel;
    }

    /** The CONSTRAINT name, or null. */
    public String getConstraintName() {
        return constraintName == null ? null : constraintName.getSimple();
    }

    public List<String> getColumnNames() {
        List<String> names = new ArrayList<>();
        for (SqlNode n : columns) {
            names.add(((SqlIdentifier) n).getSimple());
        }
        return names;
    }

    public boolean isEnforced() {
        return enforced;
    }

    /** Whether it was written after a column definition rather than as a table element. */
    public boolean isColumnLevel() {
        return columnLevel;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(constraintName, columns);
    }

    /** Unparses as a table-level constraint (a column-level key is rewritten to that form). */
    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        if (constraintName != null) {
            writer.keyword("CONSTRAINT");
            constraintName.unparse(writer, 0, 0);
        }
        writer.keyword("PRIMARY KEY");
        SqlWriter.Frame frame = writer.startList("(", ")");
        for (SqlNode column : columns) {
            writer.sep(",");
            column.unparse(writer, 0, 0);
        }
        writer.endList(frame);
        writer.keyword(enforced ? "ENFORCED" : "NOT ENFORCED");
    }
}
