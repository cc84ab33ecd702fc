package io.weir.codegen;

import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/** Calcite types to Weir's runtime {@link DataType}s. */
public final class TypeConversions {
    private TypeConversions() {
    }

    public static RowType toRowType(RelDataType rowType) {
        List<RowType.Field> fields = new ArrayList<>();
        for (RelDataTypeField f : rowType.getFieldList()) {
            fields.add(new RowType.Field(f.getName(), toDataType(f.getType())));
        }
        return new RowType(fields);
    }

    public static DataType toDataType(RelDataType type) {
        return root(type).nullable(type.isNullable());
    }

    private static DataType root(RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        switch (name) {
            case BOOLEAN: return DataType.booleanType();
            case TINYINT: return DataType.tinyint();
            case SMALLINT: return DataType.smallint();
            case INTEGER: return DataType.integer();
            case BIGINT: return DataType.bigint();
            case FLOAT:
            case REAL: return DataType.floatType();
            case DOUBLE: return DataType.doubleType();
            case DECIMAL: return DataType.decimal(type.getPrecision(), type.getScale());
            case CHAR: return DataType.charType(type.getPrecision());
            case VARCHAR: return DataType.varchar(type.getPrecision() < 0 ? Integer.MAX_VALUE : type.getPrecision());
            case BINARY: return DataType.binary(type.getPrecision());
            case VARBINARY: return DataType.varbinary(type.getPrecision() < 0 ? Integer.MAX_VALUE : type.getPrecision());
            case DATE: return DataType.date();
            case TIME: return DataType.time(Math.max(type.getPrecision(), 0));
            case TIMESTAMP: return DataType.timestamp(type.getPrecision());
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE: return DataType.timestampLtz(type.getPrecision());
            case ARRAY: return DataType.array(toDataType(type.getComponentType()));
            case MULTISET: return DataType.multiset(toDataType(type.getComponentType()));
            case MAP: return DataType.map(toDataType(type.getKeyType()), toDataType(type.getValueType()));
            case ROW: return DataType.row(toRowType(type));
            case NULL: return DataType.nullType();
            default:
                if (SqlTypeName.YEAR_INTERVAL_TYPES.contains(name)) {
                    return DataType.intervalYearMonth();
                }
                if (SqlTypeName.DAY_INTERVAL_TYPES.contains(name)) {
                    return DataType.intervalDayTime();
                }
                throw new UnsupportedOperationException("not supported yet: type " + type.getFullTypeString());
        }
    }
}
