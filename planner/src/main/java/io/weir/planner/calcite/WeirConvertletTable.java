package io.weir.planner.calcite;

import io.weir.codegen.functions.TimestampOperators;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Calcite's standard convertlets, except {@code TIMESTAMPADD(unit, count, ts)}, which becomes Weir's
 * {@code $TIMESTAMPADD} so that sub-millisecond units and timestamps of precision above 3 stay exact
 * (Calcite's rewrite into {@code ts + count * INTERVAL} works in milliseconds).
 */
final class WeirConvertletTable implements SqlRexConvertletTable {
    static final WeirConvertletTable INSTANCE = new WeirConvertletTable();

    private WeirConvertletTable() {
    }

    @Override
    public SqlRexConvertlet get(SqlCall call) {
        if (call.getOperator() == SqlStdOperatorTable.TIMESTAMP_ADD && call.operandCount() == 3
            && call.operand(0).getKind() == SqlKind.INTERVAL_QUALIFIER
            && ((SqlIntervalQualifier) call.operand(0)).timeFrameName == null) {
            return WeirConvertletTable::convertTimestampAdd;
        }
        return StandardConvertletTable.INSTANCE.get(call);
    }

    private static RexNode convertTimestampAdd(org.apache.calcite.sql2rel.SqlRexContext cx, SqlCall call) {
        TimeUnit unit = ((SqlIntervalQualifier) call.operand(0)).getUnit();
        RexNode count = cx.convertExpression(call.operand(1));
        RexNode ts = cx.convertExpression(call.operand(2));
        RelDataType type = cx.getValidator().getValidatedNodeType(call);
        if (!TimestampOperators.isTimestamp(ts.getType())) {
            return StandardConvertletTable.INSTANCE.get(call).convertCall(cx, call);
        }
        return cx.getRexBuilder().makeCall(type, TimestampOperators.TIMESTAMPADD,
            List.of(cx.getRexBuilder().makeLiteral(unit.name()), count, ts));
    }
}
