package io.weir.planner.types;

import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import io.weir.runtime.types.TypeRoot;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rel.type.RelRecordType;
import org.apache.calcite.rel.type.StructKind;
import io.weir.parser.type.WeirCollectionTypeNameSpec;
import io.weir.parser.type.WeirMapTypeNameSpec;
import io.weir.parser.type.WeirRowTypeNameSpec;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlMapTypeNameSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Converts between Calcite's types ({@link SqlDataTypeSpec} as parsed, {@link RelDataType} as
 * validated) and the runtime's {@link DataType} (DESIGN.md section 2).
 *
 * <p>Mapping notes: Flink's {@code FLOAT} is a 4-byte float, so {@link io.weir.runtime.types.TypeRoot#FLOAT}
 * maps to Calcite's {@code REAL} (whose Java value is a {@code Float}); Calcite's {@code FLOAT} and
 * {@code REAL} both read back as FLOAT. {@code STRING} is {@code VARCHAR} of unbounded length,
 * {@code TIMESTAMP_LTZ(p)} is {@code TIMESTAMP(p) WITH LOCAL TIME ZONE}. Types outside DESIGN.md's
 * list (TIME/TIMESTAMP WITH TIME ZONE, GEOMETRY, VARIANT, UUID, unsigned integers, user-defined
 * types) raise {@link UnsupportedTypeException}. Stateless.
 */
public final class TypeConverter {
    private TypeConverter() {
    }

    /**
     * The runtime type of a parsed type; nullable unless the spec says NOT NULL (also inside
     * ARRAY, MAP, MULTISET and ROW, which are walked here because Calcite makes every field of a
     * nullable struct nullable).
     *
     * @param validator supplies the type factory for the leaf types (and resolves nothing else)
     */
    public static DataType toDataType(SqlDataTypeSpec spec, SqlValidator validator) {
        boolean nullable = spec.getNullable() == null || spec.getNullable();
        return toDataType(spec.getTypeNameSpec(), validator).nullable(nullable);
    }

    private static DataType toDataType(SqlTypeNameSpec spec, SqlValidator validator) {
        if (spec instanceof WeirCollectionTypeNameSpec) {
            WeirCollectionTypeNameSpec c = (WeirCollectionTypeNameSpec) spec;
            DataType element = toDataType(c.getElementType(), validator);
            return c.getCollectionType() == SqlTypeName.ARRAY ? DataType.array(element) : DataType.multiset(element);
        }
        if (spec instanceof SqlCollectionTypeNameSpec) {
            SqlCollectionTypeNameSpec c = (SqlCollectionTypeNameSpec) spec;
            DataType element = toDataType(c.getElementTypeName(), validator);
            return c.getTypeName().getSimple().equals("ARRAY") ? DataType.array(element) : DataType.multiset(element);
        }
        if (spec instanceof WeirMapTypeNameSpec) {
            WeirMapTypeNameSpec m = (WeirMapTypeNameSpec) spec;
            return DataType.map(toDataType(m.getKeyType(), validator), toDataType(m.getValueType(), validator));
        }
        if (spec instanceof SqlMapTypeNameSpec) {
            SqlMapTypeNameSpec m = (SqlMapTypeNameSpec) spec;
            return DataType.map(toDataType(m.getKeyType(), validator), toDataType(m.getValType(), validator));
        }
        if (spec instanceof WeirRowTypeNameSpec) {
            WeirRowTypeNameSpec r = (WeirRowTypeNameSpec) spec;
            List<RowType.Field> fields = new ArrayList<>();
            for (int i = 0; i < r.getFieldNames().size(); i++) {
                fields.add(new RowType.Field(r.getFieldNames().get(i), toDataType(r.getFieldTypes().get(i), validator)));
            }
            return DataType.row(new RowType(fields));
        }
        RelDataType type;
        try {
            type = spec.deriveType(validator);
        } catch (RuntimeException e) {
            throw new UnsupportedTypeException("unknown or unsupported type " + spec.getTypeName() + ": " + rootMessage(e));
        }
        return toDataType(type).nullable(true);
    }

    /** The runtime type of a Calcite type, with the same nullability. */
    public static DataType toDataType(RelDataType type) {
        return toDataTypeIgnoringNullability(type).nullable(type.isNullable());
    }

    private static DataType toDataTypeIgnoringNullability(RelDataType t) {
        SqlTypeName name = t.getSqlTypeName();
        switch (name) {
            case BOOLEAN: return DataType.booleanType();
            case TINYINT: return DataType.tinyint();
            case SMALLINT: return DataType.smallint();
            case INTEGER: return DataType.integer();
            case BIGINT: return DataType.bigint();
            case REAL:
            case FLOAT: return DataType.floatType();
            case DOUBLE: return DataType.doubleType();
            case DECIMAL: return DataType.decimal(t.getPrecision(), Math.max(0, t.getScale()));
            case CHAR: return DataType.charType(t.getPrecision());
            case VARCHAR: return DataType.varchar(unbounded(t.getPrecision()));
            case BINARY: return DataType.binary(t.getPrecision());
            case VARBINARY: return DataType.varbinary(unbounded(t.getPrecision()));
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
                if (name.getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH) {
                    return DataType.intervalYearMonth();
                }
                if (name.getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME) {
                    return DataType.intervalDayTime();
                }
                throw new UnsupportedTypeException("type " + t + " is not supported");
        }
    }

    private static int unbounded(int precision) {
        return precision < 0 ? Integer.MAX_VALUE : precision;
    }

    /** The runtime row type of a Calcite struct type. */
    public static RowType toRowType(RelDataType struct) {
        List<RowType.Field> fields = new ArrayList<>();
        for (RelDataTypeField f : struct.getFieldList()) {
            fields.add(new RowType.Field(f.getName(), toDataType(f.getType())));
        }
        return new RowType(fields);
    }

    /** The Calcite type of a runtime type, with the same nullability. */
    public static RelDataType toRelDataType(DataType type, RelDataTypeFactory factory) {
        if (type.root() == TypeRoot.ROW && type.isNullable()) {
            // The factory would make every field of a nullable struct nullable; keep the fields' own.
            RelDataType struct = toRelIgnoringNullability(type, factory);
            return new RelRecordType(struct.getStructKind(), struct.getFieldList(), true);
        }
        return factory.createTypeWithNullability(toRelIgnoringNullability(type, factory), type.isNullable());
    }

    private static RelDataType toRelIgnoringNullability(DataType t, RelDataTypeFactory f) {
        switch (t.root()) {
            case BOOLEAN: return f.createSqlType(SqlTypeName.BOOLEAN);
            case TINYINT: return f.createSqlType(SqlTypeName.TINYINT);
            case SMALLINT: return f.createSqlType(SqlTypeName.SMALLINT);
            case INTEGER: return f.createSqlType(SqlTypeName.INTEGER);
            case BIGINT: return f.createSqlType(SqlTypeName.BIGINT);
            case FLOAT: return f.createSqlType(SqlTypeName.REAL);
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
            case ARRAY: return f.createArrayType(toRelDataType(t.elementType(), f), -1);
            case MULTISET: return f.createMultisetType(toRelDataType(t.elementType(), f), -1);
            case MAP: return f.createMapType(toRelDataType(t.keyType(), f), toRelDataType(t.valueType(), f));
            case ROW: return toRelRowType(t.rowType(), f, StructKind.PEEK_FIELDS_NO_EXPAND);
            case NULL: return f.createSqlType(SqlTypeName.NULL);
            default: throw new UnsupportedTypeException("type " + t + " is not supported");
        }
    }

    /** A Calcite struct type (fully qualified field access) with the fields of {@code rowType}. */
    public static RelDataType toRelRowType(RowType rowType, RelDataTypeFactory factory) {
        return toRelRowType(rowType, factory, StructKind.FULLY_QUALIFIED);
    }

    private static RelDataType toRelRowType(RowType rowType, RelDataTypeFactory f, StructKind kind) {
        List<RelDataType> types = new ArrayList<>();
        for (DataType t : rowType.fieldTypes()) {
            types.add(toRelDataType(t, f));
        }
        return f.createStructType(kind, types, rowType.fieldNames());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
