package io.weir.parser.ddl;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/** {@code CREATE [OR REPLACE] [TEMPORARY] VIEW [IF NOT EXISTS] name [(cols)] [COMMENT 'c'] AS query}. */
public final class SqlCreateView extends SqlCreate {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE VIEW", SqlKind.CREATE_VIEW);

    private final SqlIdentifier name;
    private final SqlNodeList columnNames;
    private final SqlNode query;
    private final SqlCharStringLiteral comment;
    private final boolean temporary;

    public SqlCreateView(SqlParserPos pos, SqlIdentifier name, SqlNodeList columnNames, SqlNode query,
                         SqlCharStringLiteral comment, boolean replace, boolean temporary, boolean ifNotExists) {
        super(OPERATOR, pos, replace, ifNotExists);
        this.name = name;
        this.columnNames = columnNames;
        this.query = query;
        this.comment = comment;
        this.temporary = temporary;
    }

    public SqlIdentifier getName() {
        return name;
    }

    /** The declared column names; empty when the view takes the query's. */
    public List<String> getColumnNames() {
        List<String> names = new ArrayList<>();
        for (SqlNode n : columnNames) {
            names.add(((SqlIdentifier) n).getSimple());
        }
        return names;
    }

    public SqlNode getQuery() {
        return query;
    }

    /** The view COMMENT's text, or null. */
    public String getComment() {
        return comment == null ? null : comment.getValueAs(String.class);
    }

    public boolean isTemporary() {
        return temporary;
    }

    public boolean isIfNotExists() {
        return ifNotExists;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(name, columnNames, query, comment);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("CREATE");
        if (getReplace()) {
            writer.keyword("OR REPLACE");
        }
        if (temporary) {
            writer.keyword("TEMPORARY");
        }
        writer.keyword("VIEW");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, leftPrec, rightPrec);
        if (columnNames.size() > 0) {
            SqlWriter.Frame frame = writer.startList("(", ")");
            for (SqlNode column : columnNames) {
                writer.sep(",");
                column.unparse(writer, 0, 0);
            }
            writer.endList(frame);
        }
        if (comment != null) {
            writer.keyword("COMMENT");
            comment.unparse(writer, 0, 0);
        }
        writer.keyword("AS");
        writer.newlineAndIndent();
        query.unparse(writer, 0, 0);
    }
}
