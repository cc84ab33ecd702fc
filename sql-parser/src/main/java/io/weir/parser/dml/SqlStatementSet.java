package io.weir.parser.dml;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code EXECUTE STATEMENT SET BEGIN insert; insert; ... END}: INSERTs planned and run as one job.
 * (The script form {@code BEGIN STATEMENT SET; ...; END;} arrives as separate statements, see
 * {@link SqlBeginStatementSet} and {@link SqlEndStatementSet}.)
 */
public final class SqlStatementSet extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("STATEMENT SET", SqlKind.OTHER);

    private final SqlNodeList inserts;

    public SqlStatementSet(SqlParserPos pos, SqlNodeList inserts) {
        super(pos);
        this.inserts = inserts;
    }

    public List<SqlInsert> getInserts() {
        List<SqlInsert> list = new ArrayList<>();
        for (SqlNode n : inserts) {
            list.add((SqlInsert) n);
        }
        return list;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(inserts);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("EXECUTE STATEMENT SET");
        writer.keyword("BEGIN");
        for (SqlNode insert : inserts) {
            writer.newlineAndIndent();
            insert.unparse(writer, 0, 0);
            writer.print(";");
        }
        writer.newlineAndIndent();
        writer.keyword("END");
    }
}
