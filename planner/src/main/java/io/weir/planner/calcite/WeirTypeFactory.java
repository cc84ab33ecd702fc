package io.weir.planner.calcite;

import java.util.List;

import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's Java type factory with Flink's 4-byte {@code FLOAT}: SQL {@code FLOAT} becomes Calcite's
 * {@code REAL} (so generated code computes in Java floats, as Flink does), and a float met with a
 * {@code DOUBLE} or a {@code DECIMAL} widens to {@code DOUBLE}, Flink's common-type rule.
 */
public final class WeirTypeFactory extends JavaTypeFactoryImpl {

    public WeirTypeFactory() {
        super(WeirTypeSystem.INSTANCE);
    }

    /** SQL's {@code FLOAT} is Flink's 4-byte float: Calcite's {@code REAL} (Calcite's own FLOAT is 8 bytes). */
    @Override
    public RelDataType createSqlType(SqlTypeName typeName) {
        return super.createSqlType(typeName == SqlTypeName.FLOAT ? SqlTypeName.REAL : typeName);
    }

    @Override
    public RelDataType createSqlType(SqlTypeName typeName, int precision) {
        return typeName == SqlTypeName.FLOAT ? createSqlType(SqlTypeName.REAL) : super.createSqlType(typeName, precision);
    }

    @Override
    public RelDataType leastRestrictive(List<RelDataType> types) {
        RelDataType common = super.leastRestrictive(types);
        if (common == null || !isFloat(common.getSqlTypeName())) {
            return common;
        }
        for (RelDataType t : types) {
            SqlTypeName name = t.getSqlTypeName();
            if (name == SqlTypeName.DOUBLE || name == SqlTypeName.DECIMAL) {
                return createTypeWithNullability(createSqlType(SqlTypeName.DOUBLE), common.isNullable());
            }
        }
        return common;
    }

    private static boolean isFloat(SqlTypeName name) {
        return name == SqlTypeName.FLOAT || name == SqlTypeName.REAL;
    }
}
