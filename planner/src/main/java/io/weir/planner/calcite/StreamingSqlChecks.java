package io.weir.planner.calcite;

import io.weir.planner.ValidationException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Checks on the parsed query, before validation, for constructs whose Calcite error would be
 * confusing: {@code SESSION(TABLE t PARTITION BY k, ...)} is refused with the supported form, and so
 * are RIGHT and FULL temporal (and lookup) joins and OVER frames that do not end at {@code CURRENT ROW}
 * (any {@code FOLLOWING}), with their position.
 */
public final class StreamingSqlChecks extends SqlBasicVisitor<Void> {
    private StreamingSqlChecks() {
    }

    public static void check(SqlNode query) {
        query.accept(new StreamingSqlChecks());
    }

    @Override
    public Void visit(SqlCall call) {
        if (call instanceof SqlWindow) {
            checkOverFrame((SqlWindow) call);
        }
        if (call.getOperator().getName().equalsIgnoreCase("SESSION") && !call.getOperandList().isEmpty()
            && call.operand(0) != null && call.operand(0).getKind() == SqlKind.SET_SEMANTICS_TABLE) {
            throw new ValidationException("not supported yet: SESSION(TABLE t PARTITION BY ...); write "
                + "SESSION(TABLE t, DESCRIPTOR(time_col), gap) and GROUP BY window_start, window_end and the partition "
                + "columns: sessions are formed per group", call.getParserPosition().getLineNum(),
                call.getParserPosition().getColumnNum(), null);
        }
        if (call instanceof org.apache.calcite.sql.SqlJoin) {
            checkTemporalJoinType((org.apache.calcite.sql.SqlJoin) call);
        }
        return super.visit(call);
    }

    /** OVER frames must end at CURRENT ROW (both OVER operators); refused here, where the SQL position is known. */
    private static void checkOverFrame(SqlWindow w) {
        SqlNode lower = w.getLowerBound();
        SqlNode upper = w.getUpperBound();
        if (lower != null && (lower.getKind() == SqlKind.FOLLOWING || SqlWindow.isUnboundedFollowing(lower))) {
            throw frameError("starting at " + lower, lower);
        }
        if (upper != null && !SqlWindow.isCurrentRow(upper)) {
            throw frameError("ending at " + upper, upper);
        }
    }

    private static ValidationException frameError(String what, SqlNode bound) {
        SqlParserPos pos = bound.getParserPosition();
        return new ValidationException("not supported yet: OVER window frames " + what + " (at line " + pos.getLineNum()
            + ", column " + pos.getColumnNum() + "); OVER windows must be BETWEEN UNBOUNDED or n PRECEDING AND CURRENT"
            + " ROW", pos.getLineNum(), pos.getColumnNum(), null);
    }

    /** Calcite would fail on RIGHT / FULL joins of {@code FOR SYSTEM_TIME AS OF} with an internal assertion. */
    private static void checkTemporalJoinType(org.apache.calcite.sql.SqlJoin join) {
        org.apache.calcite.sql.JoinType type = join.getJoinType();
        SqlNode right = join.getRight();
        if (right != null && right.getKind() == SqlKind.AS) {
            right = ((SqlCall) right).operand(0);
        }
        if (right != null && right.getKind() == SqlKind.SNAPSHOT
            && (type == org.apache.calcite.sql.JoinType.RIGHT || type == org.apache.calcite.sql.JoinType.FULL)) {
            throw new ValidationException("Temporal table join currently only supports INNER JOIN and LEFT JOIN, not "
                + type + " JOIN", join.getParserPosition().getLineNum(), join.getParserPosition().getColumnNum(), null);
        }
    }
}
