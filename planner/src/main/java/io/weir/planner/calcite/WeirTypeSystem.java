package io.weir.planner.calcite;

import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Weir's type limits, as Flink's: timestamps default to microsecond precision (6) and go up to
 * nanoseconds (9); strings are unbounded ({@code STRING} = {@code VARCHAR(2147483647)}).
 */
public final class WeirTypeSystem extends RelDataTypeSystemImpl {
    public static final WeirTypeSystem INSTANCE = new WeirTypeSystem();

    private WeirTypeSystem() {
    }

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        switch (typeName) {
            case VARCHAR: case CHAR: case VARBINARY: case BINARY: return Integer.MAX_VALUE;
            case TIMESTAMP: case TIMESTAMP_WITH_LOCAL_TIME_ZONE: case TIME: return 9;
            case DECIMAL: return 38;
            default: return super.getMaxPrecision(typeName);
        }
    }

    @Override
    public int getDefaultPrecision(SqlTypeName typeName) {
        switch (typeName) {
            case TIMESTAMP: case TIMESTAMP_WITH_LOCAL_TIME_ZONE: return 6;
            case TIME: return 0;
            case VARCHAR: case VARBINARY: return Integer.MAX_VALUE;
            default: return super.getDefaultPrecision(typeName);
        }
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }

    /** Flink's AVG of a DECIMAL(p, s) is DECIMAL(38, max(6, s)); other types keep the argument's type. */
    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        if (argumentType.getSqlTypeName() == SqlTypeName.DECIMAL) {
            RelDataType t = typeFactory.createSqlType(SqlTypeName.DECIMAL, 38, Math.max(6, argumentType.getScale()));
            return typeFactory.createTypeWithNullability(t, argumentType.isNullable());
        }
        return super.deriveAvgAggType(typeFactory, argumentType);
    }

    /** Flink's SUM of a DECIMAL(p, s) is DECIMAL(38, s); other types keep the argument's type. */
    @Override
    public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        if (argumentType.getSqlTypeName() == SqlTypeName.DECIMAL) {
            RelDataType t = typeFactory.createSqlType(SqlTypeName.DECIMAL, 38, argumentType.getScale());
            return typeFactory.createTypeWithNullability(t, argumentType.isNullable());
        }
        return argumentType;
    }
}
