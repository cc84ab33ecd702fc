package io.weir.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Shared shape of {@code DROP [TEMPORARY] TABLE | VIEW [IF EXISTS] name}. */
public abstract class SqlDropObject extends SqlDrop {
    private final SqlIdentifier name;
    private final boolean temporary;

    SqlDropObject(SqlOperator operator, SqlParserPos pos, SqlIdentifier name, boolean ifExists, boolean temporary) {
        super(operator, pos, ifExists);
        this.name = name;
        this.temporary = temporary;
    }

    public SqlIdentifier getName() {
        return name;
    }

    public boolean isTemporary() {
        return temporary;
    }

    public boolean isIfExists() {
        return ifExists;
    }

    abstract String objectKeyword();

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("DROP");
        if (temporary) {
            writer.keyword("TEMPORARY");
        }
        writer.keyword(objectKeyword());
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        name.unparse(writer, leftPrec, rightPrec);
    }
}
