package io.weir.parser.ddl;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Collects the elements between the parentheses of a {@code CREATE TABLE} while the generated
 * parser reads them. Used only by the parser; one instance per statement.
 */
public final class TableElements {
    private final List<SqlNode> columns = new ArrayList<>();
    private SqlWatermark watermark;
    private SqlPrimaryKey primaryKey;

    public void addColumn(SqlTableColumn column) {
        columns.add(column);
    }

    public void addWatermark(SqlWatermark w) {
        if (watermark != null) {
            throw error(w.getParserPosition(), "a table can have only one WATERMARK definition");
        }
        watermark = w;
    }

    public void addPrimaryKey(SqlPrimaryKey key) {
        if (primaryKey != null) {
            throw error(key.getParserPosition(), "a table can have only one PRIMARY KEY");
        }
        primaryKey = key;
    }

    SqlNodeList columns(SqlParserPos pos) {
        return new SqlNodeList(columns, pos);
    }

    SqlWatermark watermark() {
        return watermark;
    }

    SqlPrimaryKey primaryKey() {
        return primaryKey;
    }

    /** An error the parser reports as a {@code SqlParseException} at {@code pos}. */
    static CalciteContextException error(SqlParserPos pos, String message) {
        return new CalciteContextException(message, new IllegalArgumentException(message),
            pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
    }
}
