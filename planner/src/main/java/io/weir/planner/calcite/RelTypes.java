package io.weir.planner.calcite;

import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;

/**
 * Converts between Calcite's {@link RelDataType} and Weir's runtime {@link DataType}.
 *
 * <p>Maintenance note: the parser helper owns the catalog's {@code TypeConverter}; this class is
 * the planner's own copy of the mapping it needs to read table schemas and to describe rows to
 * the runtime. Keep the two in step (TIMESTAMP_LTZ = TIMESTAMP WITH LOCAL TIME ZONE, STRING =
 * VARCHAR(MAX)).
 */
public final class RelTypes {
    private RelTypes() {
    }

    /** The Calcite type of a runtime type, with the same nullability. */
    public static RelDataType toRelDataType(RelDataTypeFactory f, DataType t) {
        RelDataType rel = toRelNotNull(f, t);
        return f.createTypeWithNullability(rel, t.isNullable());
    }

    private static RelDataType toRelNotNull(RelDataTypeFactory f, DataType t) {
        switch (t.root()) {
            case BOOLEAN: return f.createSqlType(SqlTypeName.BOOLEAN);
            case TINYINT: return f.createSqlType(SqlTypeName.TINYINT);
            case SMALLINT: return f.createSqlType(SqlTypeName.SMALLINT);
            case INTEGER: return f.createSqlType(SqlTypeName.INTEGER);
            case BIGINT: return f.createSqlType(SqlTypeName.BIGINT);
            case FLOAT: return f.createSqlType(SqlTypeName.FLOAT);
            case DOUBLE: return f.createSqlType(SqlTypeName.DOUBLE);
            case DECIMAL: return f.createSqlType(SqlTypeName.DECIMAL, t.precision(), t.scale());
            case CHAR: return f.createSqlType(SqlTypeName.CHAR, t.length());
            case VARCHAR: return f.createSqlType(SqlTypeName.VARCHAR, t.length());
            case BINARY: return f.createSqlType(SqlTypeName.BINARY, t.length());
            case VARBINARY: return f.createSqlType(SqlTypeName.VARBINARY, t.length());
            case DATE: return f.createSqlType(SqlTypeName.DATE);
            case TIME: return f.createSqlType(SqlTypeName.TIME, t.precision());
            case TIMESTAMP: return f.createSqlType(SqlTypeName.TIMESTAMP, t.precision());
            case TIMESTAMP_LTZ: return f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, t.precision());
            case INTERVAL_YEAR_MONTH:
                return f.createSqlIntervalType(new SqlIntervalQualifier(TimeUnit.YEAR, TimeUnit.MONTH, SqlParserPos.ZERO));
            case INTERVAL_DAY_TIME:
                return f.createSqlIntervalType(new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO));
            case ARRAY: return f.createArrayType(toRelDataType(f, t.elementType()), -1);
            case MULTISET: return f.createMultisetType(toRelDataType(f, t.elementType()), -1);
            case MAP: return f.createMapType(toRelDataType(f, t.keyType()), toRelDataType(f, t.valueType()));
            case ROW: return toRelRowType(f, t.rowType());
            case NULL: return f.createSqlType(SqlTypeName.NULL);
            default: throw new IllegalArgumentException("not supported yet: type " + t);
        }
    }

    /** A Calcite struct type with the fields of {@code rowType}. */
    public static RelDataType toRelRowType(RelDataTypeFactory f, RowType rowType) {
        List<RelDataType> types = new ArrayList<>();
        for (DataType t : rowType.fieldTypes()) {
            types.add(toRelDataType(f, t));
        }
        return f.createStructType(types, rowType.fieldNames());
    }

    /** The runtime type of a Calcite type. */
    public static DataType toDataType(RelDataType t) {
        return toDataTypeNotNull(t).nullable(t.isNullable());
    }

    private static DataType toDataTypeNotNull(RelDataType t) {
        SqlTypeName n = t.getSqlTypeName();
        switch (n) {
            case BOOLEAN: return DataType.booleanType();
            case TINYINT: return DataType.tinyint();
            case SMALLINT: return DataType.smallint();
            case INTEGER: return DataType.integer();
            case BIGINT: return DataType.bigint();
            case FLOAT: case REAL: return DataType.floatType();
            case DOUBLE: return DataType.doubleType();
            case DECIMAL: return DataType.decimal(t.getPrecision(), t.getScale());
            case CHAR: return DataType.charType(t.getPrecision());
            case VARCHAR: return DataType.varchar(t.getPrecision());
            case BINARY: return DataType.binary(t.getPrecision());
            case VARBINARY: return DataType.varbinary(t.getPrecision());
            case DATE: return DataType.date();
            case TIME: return DataType.time(t.getPrecision());
            case TIMESTAMP: return DataType.timestamp(t.getPrecision());
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE: return DataType.timestampLtz(t.getPrecision());
            case ARRAY: return DataType.array(toDataType(t.getComponentType()));
            case MULTISET: return DataType.multiset(toDataType(t.getComponentType()));
            case MAP: return DataType.map(toDataType(t.getKeyType()), toDataType(t.getValueType()));
            case ROW: return DataType.row(toRowType(t));
            case NULL: return DataType.nullType();
            default:
                if (n.getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_YEAR_MONTH) {
                    return DataType.intervalYearMonth();
                }
                if (n.getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_DAY_TIME) {
                    return DataType.intervalDayTime();
                }
                throw new IllegalArgumentException("not supported yet: type " + t.getFullTypeString());
        }
    }

    /** The runtime row type of a Calcite struct type. */
    public static RowType toRowType(RelDataType struct) {
        List<RowType.Field> fields = new ArrayList<>();
        for (RelDataTypeField f : struct.getFieldList()) {
            fields.add(new RowType.Field(f.getName(), toDataType(f.getType())));
        }
        return new RowType(fields);
    }
}
