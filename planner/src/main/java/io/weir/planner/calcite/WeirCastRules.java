package io.weir.planner.calcite;

import com.google.common.collect.ImmutableSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.type.SqlTypeCoercionRule;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The explicit casts Weir's validator accepts: Calcite's, plus Flink's {@code CAST(boolean AS
 * numeric)} (TRUE is 1, FALSE is 0; codegen's {@code FlinkSemantics} computes it). Immutable.
 */
public final class WeirCastRules {
    /** Calcite's cast rules with BOOLEAN castable to every numeric type. */
    public static final SqlTypeCoercionRule INSTANCE = build();

    private WeirCastRules() {
    }

    private static SqlTypeCoercionRule build() {
        Map<SqlTypeName, ImmutableSet<SqlTypeName>> rules = new HashMap<>(SqlTypeCoercionRule.instance().getTypeMapping());
        for (SqlTypeName numeric : List.of(SqlTypeName.TINYINT, SqlTypeName.SMALLINT, SqlTypeName.INTEGER,
            SqlTypeName.BIGINT, SqlTypeName.DECIMAL, SqlTypeName.FLOAT, SqlTypeName.REAL, SqlTypeName.DOUBLE)) {
            ImmutableSet<SqlTypeName> from = rules.getOrDefault(numeric, ImmutableSet.of());
            rules.put(numeric, ImmutableSet.<SqlTypeName>builder().addAll(from).add(SqlTypeName.BOOLEAN).build());
        }
        return SqlTypeCoercionRule.instance(rules);
    }
}
