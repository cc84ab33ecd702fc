package io.weir.runtime.types;

import java.util.List;
import java.util.Objects;

/**
 * A SQL data type as the runtime sees it: a {@link TypeRoot}, nullability, and the parameters the
 * root needs (length, precision and scale, element / key / value types, nested row fields).
 *
 * <p>Immutable. The planner translates Calcite's {@code RelDataType} into this class, so that
 * {@code runtime/} and {@code checkpoint/} never depend on Calcite.
 */
public final class DataType {
    /** Marks a length, precision or scale that the type does not have. */
    public static final int NONE = -1;

    private final TypeRoot root;
    private final boolean nullable;
    private final int length;
    private final int precision;
    private final int scale;
    private final DataType elementType;
    private final DataType keyType;
    private final RowType rowType;

    private DataType(TypeRoot root, boolean nullable, int length, int precision, int scale,
                     DataType elementType, DataType keyType, RowType rowType) {
        this.root = Objects.requireNonNull(root, "root");
        this.nullable = nullable;
        this.length = length;
        this.precision = precision;
        this.scale = scale;
        this.elementType = elementType;
        this.keyType = keyType;
        this.rowType = rowType;
    }

    private static DataType simple(TypeRoot root) {
        return new DataType(root, true, NONE, NONE, NONE, null, null, null);
    }

    public static DataType booleanType() { return simple(TypeRoot.BOOLEAN); }
    public static DataType tinyint() { return simple(TypeRoot.TINYINT); }
    public static DataType smallint() { return simple(TypeRoot.SMALLINT); }
    public static DataType integer() { return simple(TypeRoot.INTEGER); }
    public static DataType bigint() { return simple(TypeRoot.BIGINT); }
    public static DataType floatType() { return simple(TypeRoot.FLOAT); }
    public static DataType doubleType() { return simple(TypeRoot.DOUBLE); }
    public static DataType date() { return simple(TypeRoot.DATE); }
    public static DataType intervalYearMonth() { return simple(TypeRoot.INTERVAL_YEAR_MONTH); }
    public static DataType intervalDayTime() { return simple(TypeRoot.INTERVAL_DAY_TIME); }
    public static DataType nullType() { return simple(TypeRoot.NULL); }

    public static DataType decimal(int precision, int scale) {
        return new DataType(TypeRoot.DECIMAL, true, NONE, precision, scale, null, null, null);
    }

    public static DataType charType(int length) {
        return new DataType(TypeRoot.CHAR, true, length, NONE, NONE, null, null, null);
    }

    /** {@code VARCHAR(n)}; {@code Integer.MAX_VALUE} is {@code STRING}. */
    public static DataType varchar(int length) {
        return new DataType(TypeRoot.VARCHAR, true, length, NONE, NONE, null, null, null);
    }

    public static DataType string() {
        return varchar(Integer.MAX_VALUE);
    }

    public static DataType binary(int length) {
        return new DataType(TypeRoot.BINARY, true, length, NONE, NONE, null, null, null);
    }

    public static DataType varbinary(int length) {
        return new DataType(TypeRoot.VARBINARY, true, length, NONE, NONE, null, null, null);
    }

    public static DataType time(int precision) {
        return new DataType(TypeRoot.TIME, true, NONE, precision, NONE, null, null, null);
    }

    public static DataType timestamp(int precision) {
        return new DataType(TypeRoot.TIMESTAMP, true, NONE, precision, NONE, null, null, null);
    }

    public static DataType timestampLtz(int precision) {
        return new DataType(TypeRoot.TIMESTAMP_LTZ, true, NONE, precision, NONE, null, null, null);
    }

    public static DataType array(DataType element) {
        return new DataType(TypeRoot.ARRAY, true, NONE, NONE, NONE, Objects.requireNonNull(element), null, null);
    }

    public static DataType multiset(DataType element) {
        return new DataType(TypeRoot.MULTISET, true, NONE, NONE, NONE, Objects.requireNonNull(element), null, null);
    }

    public static DataType map(DataType key, DataType value) {
        return new DataType(TypeRoot.MAP, true, NONE, NONE, NONE, Objects.requireNonNull(value), Objects.requireNonNull(key), null);
    }

    public static DataType row(RowType rowType) {
        return new DataType(TypeRoot.ROW, true, NONE, NONE, NONE, null, null, Objects.requireNonNull(rowType));
    }

    public TypeRoot root() { return root; }
    public boolean isNullable() { return nullable; }
    public int length() { return length; }
    public int precision() { return precision; }
    public int scale() { return scale; }

    /** The element type of an ARRAY or MULTISET, the value type of a MAP. */
    public DataType elementType() { return elementType; }

    /** The key type of a MAP. */
    public DataType keyType() { return keyType; }

    /** The value type of a MAP. */
    public DataType valueType() { return elementType; }

    /** The fields of a ROW. */
    public RowType rowType() { return rowType; }

    public DataType nullable(boolean isNullable) {
        if (isNullable == nullable) {
            return this;
        }
        return new DataType(root, isNullable, length, precision, scale, elementType, keyType, rowType);
    }

    public DataType notNull() {
        return nullable(false);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DataType)) {
            return false;
        }
        DataType t = (DataType) o;
        return root == t.root && nullable == t.nullable && length == t.length
            && precision == t.precision && scale == t.scale
            && Objects.equals(elementType, t.elementType) && Objects.equals(keyType, t.keyType)
            && Objects.equals(rowType, t.rowType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(root, nullable, length, precision, scale, elementType, keyType, rowType);
    }

    /** The SQL spelling, as Flink prints it: {@code VARCHAR(10) NOT NULL}, {@code STRING}, {@code ROW<a INT, b STRING>}. */
    @Override
    public String toString() {
        return sqlName() + (nullable ? "" : " NOT NULL");
    }

    private String sqlName() {
        switch (root) {
            case DECIMAL: return "DECIMAL(" + precision + ", " + scale + ")";
            case CHAR: return "CHAR(" + length + ")";
            case VARCHAR: return length == Integer.MAX_VALUE ? "STRING" : "VARCHAR(" + length + ")";
            case BINARY: return "BINARY(" + length + ")";
            case VARBINARY: return length == Integer.MAX_VALUE ? "BYTES" : "VARBINARY(" + length + ")";
            case TIME: return "TIME(" + precision + ")";
            case TIMESTAMP: return "TIMESTAMP(" + precision + ")";
            case TIMESTAMP_LTZ: return "TIMESTAMP_LTZ(" + precision + ")";
            case INTERVAL_YEAR_MONTH: return "INTERVAL YEAR TO MONTH";
            case INTERVAL_DAY_TIME: return "INTERVAL DAY TO SECOND";
            case ARRAY: return "ARRAY<" + elementType + ">";
            case MULTISET: return "MULTISET<" + elementType + ">";
            case MAP: return "MAP<" + keyType + ", " + elementType + ">";
            case ROW: return "ROW<" + rowType.fieldsToString() + ">";
            default: return root.name();
        }
    }

    /** Children of this type (element, key and value, or row fields), for code that walks type trees. */
    public List<DataType> children() {
        switch (root) {
            case ARRAY:
            case MULTISET: return List.of(elementType);
            case MAP: return List.of(keyType, elementType);
            case ROW: return rowType.fieldTypes();
            default: return List.of();
        }
    }
}
