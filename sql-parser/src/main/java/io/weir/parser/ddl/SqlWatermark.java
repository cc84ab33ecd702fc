package io.weir.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code WATERMARK FOR rowtimeColumn AS expr}: makes the column the table's event-time attribute. */
public final class SqlWatermark extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("WATERMARK", SqlKind.OTHER);

    private final SqlIdentifier eventTimeColumn;
    private final SqlNode strategy;

    public SqlWatermark(SqlParserPos pos, SqlIdentifier eventTimeColumn, SqlNode strategy) {
        super(pos);
        this.eventTimeColumn = eventTimeColumn;
        this.strategy = strategy;
    }

    public SqlIdentifier getEventTimeColumn() {
        return eventTimeColumn;
    }

    /** The watermark expression. */
    public SqlNode getStrategy() {
        return strategy;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(eventTimeColumn, strategy);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("WATERMARK FOR");
        eventTimeColumn.unparse(writer, 0, 0);
        writer.keyword("AS");
        strategy.unparse(writer, 0, 0);
    }
}
