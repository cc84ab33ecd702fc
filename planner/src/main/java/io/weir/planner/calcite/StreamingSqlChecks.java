package io.weir.planner.calcite;

import io.weir.planner.ValidationException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import java.util.HashSet;
import java.util.Set;

/**
 * Checks on the parsed query, before validation, for constructs whose Calcite error would be
 * confusing: {@code SESSION(TABLE t PARTITION BY k, ...)} is refused with the supported form,
 * unless it is the input of a {@code GROUP BY} that includes every partition column: sessions are
 * then formed per group anyway, so the partitioning is dropped (Flink's result is the same). RIGHT and
 * FULL temporal (and lookup) joins are refused, and so are OVER frames that do not end at
 * {@code CURRENT ROW} (any {@code FOLLOWING}), with their position.
 */
public final class StreamingSqlChecks extends SqlBasicVisitor<Void> {
    private StreamingSqlChecks() {
    }

    public static void check(SqlNode query) {
        query.accept(new StreamingSqlChecks());
    }

    @Override
    public Void visit(SqlCall call) {
        if (call instanceof SqlSelect) {
            dropPartitionOfGroupedSession((SqlSelect) call);
        }
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

    /** {@code FROM TABLE(SESSION(TABLE t PARTITION BY k, ...)) ... GROUP BY k, ...}: the PARTITION BY goes. */
    private static void dropPartitionOfGroupedSession(SqlSelect select) {
        SqlNode from = select.getFrom();
        if (from != null && from.getKind() == SqlKind.AS) {
            from = ((SqlCall) from).operand(0);
        }
        if (from == null || from.getKind() != SqlKind.COLLECTION_TABLE || select.getGroup() == null) {
            return;
        }
        SqlNode fn = ((SqlCall) from).operand(0);
        if (!(fn instanceof SqlCall) || !((SqlCall) fn).getOperator().getName().equalsIgnoreCase("SESSION")
            || ((SqlCall) fn).getOperandList().isEmpty()) {
            return;
        }
        SqlCall session = (SqlCall) fn;
        SqlCall holder = session;
        SqlNode data = session.operand(0);
        if (data != null && data.getKind() == SqlKind.ARGUMENT_ASSIGNMENT) {
            holder = (SqlCall) data;
            data = holder.operand(0);
        }
        if (data == null || data.getKind() != SqlKind.SET_SEMANTICS_TABLE) {
            return;
        }
        SqlCall table = (SqlCall) data;
        SqlNode order = table.operand(2);
        if (order instanceof SqlNodeList && !((SqlNodeList) order).isEmpty()) {
            return;
        }
        Set<String> grouped = new HashSet<>();
        for (SqlNode g : select.getGroup()) {
            if (g instanceof SqlIdentifier) {
                SqlIdentifier id = (SqlIdentifier) g;
                grouped.add(id.names.get(id.names.size() - 1));
            }
        }
        SqlNode partition = table.operand(1);
        Iterable<SqlNode> keys = partition instanceof SqlNodeList ? (SqlNodeList) partition : java.util.List.of(partition);
        for (SqlNode k : keys) {
            if (!(k instanceof SqlIdentifier) || !grouped.contains(((SqlIdentifier) k).names.get(((SqlIdentifier) k).names.size() - 1))) {
                return;
            }
        }
        holder.setOperand(0, table.operand(0));
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
