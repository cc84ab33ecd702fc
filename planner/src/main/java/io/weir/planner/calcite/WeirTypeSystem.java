package io.weir.planner.calcite;

import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Weir's type limits, as Flink's: timestamps default to millisecond precision (3) and go up to
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
            case TIMESTAMP: case TIMESTAMP_WITH_LOCAL_TIME_ZONE: return 3;
            case TIME: return 0;
            case VARCHAR: case VARBINARY: return Integer.MAX_VALUE;
            default: return super.getDefaultPrecision(typeName);
        }
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }
}
