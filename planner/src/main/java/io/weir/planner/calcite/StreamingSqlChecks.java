package io.weir.planner.calcite;

import io.weir.planner.ValidationException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Checks on the parsed query, before validation, for constructs whose Calcite error would be
 * confusing: {@code SESSION(TABLE t PARTITION BY k, ...)} is refused with the supported form.
 */
public final class StreamingSqlChecks extends SqlBasicVisitor<Void> {
    private StreamingSqlChecks() {
    }

    public static void check(SqlNode query) {
        query.accept(new StreamingSqlChecks());
    }

    @Override
    public Void visit(SqlCall call) {
        if (call.getOperator().getName().equalsIgnoreCase("SESSION") && !call.getOperandList().isEmpty()
            && call.operand(0) != null && call.operand(0).getKind() == SqlKind.SET_SEMANTICS_TABLE) {
            throw new ValidationException("not supported yet: SESSION(TABLE t PARTITION BY ...); write "
                + "SESSION(TABLE t, DESCRIPTOR(time_col), gap) and GROUP BY window_start, window_end and the partition "
                + "columns: sessions are formed per group", call.getParserPosition().getLineNum(),
                call.getParserPosition().getColumnNum(), null);
        }
        return super.visit(call);
    }
}
