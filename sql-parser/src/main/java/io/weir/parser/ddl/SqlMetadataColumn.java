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
 * A metadata column {@code name TYPE METADATA [FROM 'key'] [VIRTUAL] [COMMENT 'c']}: a value the
 * connector provides (e.g. a Kafka record's timestamp). A VIRTUAL one is read-only: sinks skip it.
 */
public final class SqlMetadataColumn extends SqlTableColumn {
    private final SqlDataTypeSpec type;
    private final SqlCharStringLiteral metadataKey;
    private final boolean virtual;

    public SqlMetadataColumn(SqlParserPos pos, SqlIdentifier name, SqlDataTypeSpec type,
                             SqlCharStringLiteral metadataKey, boolean virtual, SqlCharStringLiteral comment) {
        super(pos, name, comment);
        this.type = type;
        this.metadataKey = metadataKey;
        this.virtual = virtual;
    }

    public SqlDataTypeSpec getType() {
        return type;
    }

    /** The key after FROM, or null when the key is the column's name. */
    public String getMetadataKey() {
        return metadataKey == null ? null : metadataKey.getValueAs(String.class);
    }

    public boolean isVirtual() {
        return virtual;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(getName(), type, metadataKey, getComment());
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        getName().unparse(writer, 0, 0);
        DataTypeSpecs.unparseWithNullability(writer, type);
        writer.keyword("METADATA");
        if (metadataKey != null) {
            writer.keyword("FROM");
            metadataKey.unparse(writer, 0, 0);
        }
        if (virtual) {
            writer.keyword("VIRTUAL");
        }
        unparseComment(writer);
    }
}
