package io.weir.planner.functions;

import io.weir.codegen.functions.WeirOperatorTable;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The operators the planner validates against: codegen's {@link WeirOperatorTable} (Calcite's
 * standard operators, Calcite library functions with Flink's semantics, Flink built-ins such as
 * {@code PROCTIME()} and {@code CURRENT_WATERMARK}) with Weir's windowing table functions
 * ({@link WindowTableFunction}) in place of Calcite's. Function names match case-insensitively,
 * as in Flink, while identifiers stay case-sensitive.
 */
public final class PlannerOperatorTable implements SqlOperatorTable {
    public static final WindowTableFunction TUMBLE = WindowTableFunction.tumble();
    public static final WindowTableFunction HOP = WindowTableFunction.hop();
    public static final WindowTableFunction CUMULATE = WindowTableFunction.cumulate();
    public static final WindowTableFunction SESSION = WindowTableFunction.session();

    private static final List<SqlOperator> WINDOWS = List.of(TUMBLE, HOP, CUMULATE, SESSION);
    private static final Set<String> REPLACED = Set.of("TUMBLE", "HOP", "CUMULATE", "SESSION");
    private static final PlannerOperatorTable INSTANCE = new PlannerOperatorTable();

    private PlannerOperatorTable() {
    }

    public static SqlOperatorTable create() {
        return INSTANCE;
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
                                        List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
        if (opName.isSimple() && REPLACED.contains(opName.getSimple().toUpperCase(java.util.Locale.ROOT))) {
            for (SqlOperator op : WINDOWS) {
                if (op.getName().equalsIgnoreCase(opName.getSimple()) && op.getSyntax() == syntax) {
                    operatorList.add(op);
                }
            }
            if (!operatorList.isEmpty()) {
                return;
            }
        }
        WeirOperatorTable.instance().lookupOperatorOverloads(opName, category, syntax, operatorList,
            SqlNameMatchers.withCaseSensitive(false));
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        List<SqlOperator> all = new ArrayList<>(WINDOWS);
        for (SqlOperator op : WeirOperatorTable.instance().getOperatorList()) {
            if (!(REPLACED.contains(op.getName()) && op instanceof org.apache.calcite.sql.SqlWindowTableFunction)) {
                all.add(op);
            }
        }
        return all;
    }
}
