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

/**
 * {@code CREATE [OR REPLACE] [TEMPORARY] TABLE [IF NOT EXISTS] name (columns, [WATERMARK ...],
 * [PRIMARY KEY ...]) [COMMENT 'c'] [PARTITIONED BY (cols)] [WITH ('k' = 'v', ...)]}.
 */
public final class SqlCreateTable extends SqlCreate {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

    private final SqlIdentifier name;
    private final SqlNodeList columns;
    private final SqlWatermark watermark;
    private final SqlPrimaryKey primaryKey;
    private final SqlNodeList partitionKeys;
    private final SqlNodeList options;
    private final SqlCharStringLiteral comment;
    private final boolean temporary;

    public SqlCreateTable(SqlParserPos pos, SqlIdentifier name, TableElements elements, SqlNodeList partitionKeys,
                          SqlNodeList options, SqlCharStringLiteral comment,
                          boolean replace, boolean temporary, boolean ifNotExists) {
        super(OPERATOR, pos, replace, ifNotExists);
        this.name = name;
        this.columns = elements.columns(pos);
        this.watermark = elements.watermark();
        this.primaryKey = elements.primaryKey();
        this.partitionKeys = partitionKeys;
        this.options = options;
        this.comment = comment;
        this.temporary = temporary;
    }

    public SqlIdentifier getName() {
        return name;
    }

    /** The {@link SqlTableColumn}s in declaration order. */
    public List<SqlTableColumn> getColumns() {
        List<SqlTableColumn> list = new ArrayList<>();
        for (SqlNode n : columns) {
            list.add((SqlTableColumn) n);
        }
        return list;
    }

    /** The WATERMARK definition, or null. */
    public SqlWatermark getWatermark() {
        return watermark;
    }

    /** The primary key (table- or column-level), or null. */
    public SqlPrimaryKey getPrimaryKey() {
        return primaryKey;
    }

    public List<String> getPartitionKeys() {
        List<String> keys = new ArrayList<>();
        for (SqlNode n : partitionKeys) {
            keys.add(((SqlIdentifier) n).getSimple());
        }
        return keys;
    }

    /** The {@link SqlTableOption}s of the WITH clause, in order. */
    public List<SqlTableOption> getOptions() {
        List<SqlTableOption> list = new ArrayList<>();
        for (SqlNode n : options) {
            list.add((SqlTableOption) n);
        }
        return list;
    }

    /** The table COMMENT's text, or null. */
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
        return ImmutableNullableList.of(name, columns, watermark, primaryKey, partitionKeys, options, comment);
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
        writer.keyword("TABLE");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, leftPrec, rightPrec);
        SqlWriter.Frame frame = writer.startList("(", ")");
        for (SqlNode column : columns) {
            elementSeparator(writer);
            column.unparse(writer, 0, 0);
        }
        if (watermark != null) {
            elementSeparator(writer);
            watermark.unparse(writer, 0, 0);
        }
        if (primaryKey != null) {
            elementSeparator(writer);
            primaryKey.unparse(writer, 0, 0);
        }
        writer.newlineAndIndent();
        writer.endList(frame);
        if (comment != null) {
            writer.newlineAndIndent();
            writer.keyword("COMMENT");
            comment.unparse(writer, 0, 0);
        }
        if (partitionKeys.size() > 0) {
            writer.newlineAndIndent();
            writer.keyword("PARTITIONED BY");
            SqlWriter.Frame keys = writer.startList("(", ")");
            for (SqlNode key : partitionKeys) {
                writer.sep(",");
                key.unparse(writer, 0, 0);
            }
            writer.endList(keys);
        }
        if (options.size() > 0) {
            writer.newlineAndIndent();
            writer.keyword("WITH");
            SqlWriter.Frame with = writer.startList("(", ")");
            for (SqlNode option : options) {
                elementSeparator(writer);
                option.unparse(writer, 0, 0);
            }
            writer.newlineAndIndent();
            writer.endList(with);
        }
    }

    private static void elementSeparator(SqlWriter writer) {
        writer.sep(",", false);
        writer.newlineAndIndent();
        writer.print("  ");
    }
}
