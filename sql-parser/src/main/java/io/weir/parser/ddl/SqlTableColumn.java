package io.weir.parser.ddl;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * One column of a {@code CREATE TABLE}: {@link SqlRegularColumn physical},
 * {@link SqlComputedColumn computed} ({@code name AS expr}) or {@link SqlMetadataColumn metadata}.
 */
public abstract class SqlTableColumn extends SqlCall {
    static final SqlOperator OPERATOR = new SqlSpecialOperator("COLUMN_DECL", SqlKind.COLUMN_DECL);

    private final SqlIdentifier name;
    private final SqlCharStringLiteral comment;

    SqlTableColumn(SqlParserPos pos, SqlIdentifier name, SqlCharStringLiteral comment) {
        super(pos);
        this.name = name;
        this.comment = comment;
    }

    public SqlIdentifier getName() {
        return name;
    }

    /** The column's name as written (one part). */
    public String getSimpleName() {
        return name.getSimple();
    }

    /** The COMMENT, or null. */
    public SqlCharStringLiteral getComment() {
        return comment;
    }

    /** The comment's text, or null. */
    public String getCommentText() {
        return comment == null ? null : comment.getValueAs(String.class);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    void unparseComment(SqlWriter writer) {
        if (comment != null) {
            writer.keyword("COMMENT");
            comment.unparse(writer, 0, 0);
        }
    }
}
