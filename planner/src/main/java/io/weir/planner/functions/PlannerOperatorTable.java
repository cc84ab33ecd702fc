package io.weir.planner.functions;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;

import java.util.ArrayList;
import java.util.List;


/**
 * The operators the planner validates against: Calcite's standard table, the windowing table
 * functions (with {@link SqlCumulateTableFunction}) and the streaming functions {@code PROCTIME()}
 * and {@code CURRENT_WATERMARK(ts)}.
 *
 * <p>Maintenance note: the codegen helper's {@code io.weir.codegen.functions.WeirOperatorTable}
 * (Flink built-ins with Flink semantics) is chained in front of this table once it exists; the
 * operators here are the ones the planner itself must recognise by identity.
 */
public final class PlannerOperatorTable {
    /** {@code PROCTIME()}: the processing time, a proctime attribute; never constant-folded. */
    public static final SqlFunction PROCTIME = new SqlFunction("PROCTIME", SqlKind.OTHER_FUNCTION,
        ReturnTypes.explicit(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3), null, OperandTypes.NILADIC,
        SqlFunctionCategory.TIMEDATE) {
        @Override
        public boolean isDeterministic() {
            return false;
        }

        @Override
        public boolean isDynamicFunction() {
            return true;
        }
    };

    /** {@code CURRENT_WATERMARK(rowtime)}: the operator's current watermark, null before the first. */
    public static final SqlFunction CURRENT_WATERMARK = new SqlFunction("CURRENT_WATERMARK",
        SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0_FORCE_NULLABLE, null, OperandTypes.DATETIME,
        SqlFunctionCategory.TIMEDATE) {
        @Override
        public boolean isDeterministic() {
            return false;
        }

        @Override
        public boolean isDynamicFunction() {
            return true;
        }
    };

    public static final SqlCumulateTableFunction CUMULATE = new SqlCumulateTableFunction();

    public static final SqlSessionTableFunction SESSION = new SqlSessionTableFunction();

    private PlannerOperatorTable() {
    }

    /**
     * Weir's operators in front of Calcite's standard operators (without Calcite's SESSION,
     * replaced by Flink's). Function names match case-insensitively, as in Flink.
     */
    public static SqlOperatorTable create() {
        return new Table();
    }

    private static final class Table implements SqlOperatorTable {
        private static final List<SqlOperator> OWN = List.of(PROCTIME, CURRENT_WATERMARK, CUMULATE, SESSION);

        @Override
        public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category,
                                            SqlSyntax syntax, List<SqlOperator> operatorList,
                                            SqlNameMatcher nameMatcher) {
            if (opName.isSimple()) {
                for (SqlOperator op : OWN) {
                    if (op.getName().equalsIgnoreCase(opName.getSimple()) && op.getSyntax() == syntax) {
                        operatorList.add(op);
                    }
                }
            }
            List<SqlOperator> std = new ArrayList<>();
            SqlStdOperatorTable.instance().lookupOperatorOverloads(opName, category, syntax, std, nameMatcher);
            for (SqlOperator op : std) {
                if (op != SqlStdOperatorTable.SESSION) {
                    operatorList.add(op);
                }
            }
        }

        @Override
        public List<SqlOperator> getOperatorList() {
            List<SqlOperator> all = new ArrayList<>(OWN);
            for (SqlOperator op : SqlStdOperatorTable.instance().getOperatorList()) {
                if (op != SqlStdOperatorTable.SESSION) {
                    all.add(op);
                }
            }
            return all;
        }
    }
}
