package io.weir.planner.calcite;

import io.weir.planner.ValidationException;
import io.weir.planner.functions.GroupWindowProperty;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.Litmus;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites, in place and before validation, Flink's auxiliary group window functions in the SELECT
 * list and HAVING clause of a query grouped by {@code TUMBLE/HOP/SESSION(...)}:
 * {@code TUMBLE_END(ts, i)} becomes {@code TUMBLE_END($TUMBLE(ts, i))} ({@link GroupWindowProperty}),
 * a function of the grouped window call. Calcite's own auxiliaries cannot tell {@code SESSION_START}
 * from {@code SESSION_END} once converted, and it has no {@code _ROWTIME} / {@code _PROCTIME}.
 * An auxiliary call without a matching group window in its query's GROUP BY is left alone (Calcite
 * reports it), except {@code _ROWTIME} / {@code _PROCTIME}, which Calcite does not know: refused here. Called once per statement, on the parser's tree, by the planning thread.
 */
public final class GroupWindowSqlRewriter extends SqlBasicVisitor<Void> {
    private GroupWindowSqlRewriter() {
    }

    /** Rewrites every SELECT in {@code query} (including subqueries and views' own text when they are expanded). */
    public static void rewrite(SqlNode query) {
        query.accept(new GroupWindowSqlRewriter());
    }

    @Override
    public Void visit(SqlCall call) {
        if (call instanceof SqlSelect) {
            SqlSelect select = (SqlSelect) call;
            Auxiliaries aux = new Auxiliaries(groupWindows(select.getGroup()));
            select.setSelectList((SqlNodeList) select.getSelectList().accept(aux));
            if (select.getHaving() != null) {
                select.setHaving(select.getHaving().accept(aux));
            }
        }
        return super.visit(call);
    }

    private static List<SqlCall> groupWindows(SqlNodeList group) {
        List<SqlCall> windows = new ArrayList<>();
        if (group != null) {
            for (SqlNode item : group) {
                if (item instanceof SqlCall && item.isA(java.util.Set.of(SqlKind.TUMBLE, SqlKind.HOP, SqlKind.SESSION))) {
                    windows.add((SqlCall) item);
                }
            }
        }
        return windows;
    }

    /** Replaces the auxiliary calls that match one of the query's group windows. */
    private static final class Auxiliaries extends SqlShuttle {
        private final List<SqlCall> windows;

        Auxiliaries(List<SqlCall> windows) {
            this.windows = windows;
        }

        @Override
        public SqlNode visit(SqlCall call) {
            if (call instanceof SqlSelect || call.getOperator() instanceof GroupWindowProperty) {
                return call; // a subquery (its own GROUP BY applies), or already rewritten
            }
            GroupWindowProperty property = GroupWindowProperty.of(call.getOperator().getName());
            if (property != null) {
                for (SqlCall window : windows) {
                    SqlCall grouped = new SqlBasicCall(window.getOperator(), call.getOperandList(),
                        call.getParserPosition());
                    if (window.getOperator().getName().equals("$" + property.window())
                        && grouped.equalsDeep(window, Litmus.IGNORE)) {
                        return new SqlBasicCall(property, List.of(grouped), call.getParserPosition());
                    }
                }
                if (property.property() == GroupWindowProperty.Property.ROWTIME
                    || property.property() == GroupWindowProperty.Property.PROCTIME) {
                    throw new ValidationException(property.getName() + "(...) needs the same " + property.window()
                        + "(...) call in the GROUP BY clause of its query", call.getParserPosition().getLineNum(),
                        call.getParserPosition().getColumnNum(), null);
                }
                return call; // Calcite reports TUMBLE_START without GROUP BY TUMBLE
            }
            return super.visit(call);
        }
    }
}
