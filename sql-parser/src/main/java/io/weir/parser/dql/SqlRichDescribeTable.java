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

/** {@code DESCRIBE | DESC [EXTENDED] name}, Flink's form (Calcite's {@code DESCRIBE TABLE} stays Calcite's). */
public final class SqlRichDescribeTable extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("DESCRIBE", SqlKind.DESCRIBE_TABLE);

    private final SqlIdentifier name;
    private final boolean extended;

    public SqlRichDescribeTable(SqlParserPos pos, SqlIdentifier name, boolean extended) {
        super(pos);
        this.name = name;
        this.extended = extended;
    }

    public SqlIdentifier getName() {
        return name;
    }

    public boolean isExtended() {
        return extended;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("DESCRIBE");
        if (extended) {
            writer.keyword("EXTENDED");
        }
        name.unparse(writer, leftPrec, rightPrec);
    }
}
