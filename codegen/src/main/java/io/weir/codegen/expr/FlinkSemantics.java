package io.weir.codegen.expr;

import io.weir.codegen.functions.FlinkStringFunctions;
import io.weir.codegen.functions.WeirSqlFunction;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Standard SQL calls whose Flink semantics differ from Calcite's runtime, rewritten into internal
 * calls before translation: {@code SUBSTRING} (Flink: a start of 0 counts as 1, a negative start
 * counts from the end), {@code CAST(... AS DECIMAL(p, s))} from a number or a string (Flink rounds
 * half-up to the scale; Calcite truncates), {@code CAST(boolean AS numeric)} (1 / 0; Calcite has no such
 * cast) and {@code IS [NOT] JSON} of NULL (FALSE / TRUE in Flink).
 */
final class FlinkSemantics {
    static final WeirSqlFunction SUBSTRING = WeirSqlFunction.internal("$SUBSTRING", b -> {
        throw new UnsupportedOperationException("$SUBSTRING is built with an explicit type");
    }, OperandTypes.ANY, (t, call, args) -> WeirSqlFunction.callStatic(args.size() == 2
        ? WeirSqlFunction.method(FlinkStringFunctions.class, "substr", String.class, int.class)
        : WeirSqlFunction.method(FlinkStringFunctions.class, "substr", String.class, int.class, int.class),
        args, call.getType()), NullPolicy.STRICT);

    static final WeirSqlFunction CAST_TO_DECIMAL = WeirSqlFunction.internal("$CAST_TO_DECIMAL", b -> {
        throw new UnsupportedOperationException("$CAST_TO_DECIMAL is built with an explicit type");
    }, OperandTypes.ANY, (t, call, args) -> {
        RelDataType type = call.getType();
        List<Expression> all = new ArrayList<>();
        all.add(EnumUtils.convert(args.get(0), Object.class));
        all.add(Expressions.constant(type.getPrecision()));
        all.add(Expressions.constant(type.getScale()));
        return WeirSqlFunction.callStatic(WeirSqlFunction.method(FlinkStringFunctions.class, "toDecimal",
            Object.class, int.class, int.class), all, type);
    }, NullPolicy.STRICT);

    private FlinkSemantics() {
    }

    /** The Flink form of {@code call}, or null if Calcite's runtime already agrees with Flink. */
    static RexNode rewrite(RexBuilder rex, RexCall call) {
        RexNode json = isJson(rex, call);
        if (json != null) {
            return json;
        }
        if (call.getKind() == SqlKind.OTHER_FUNCTION && "SUBSTRING".equals(call.getOperator().getName())
            && SqlTypeFamily.CHARACTER.contains(call.getOperands().get(0).getType())) {
            return rex.makeCall(call.getType(), SUBSTRING, call.getOperands());
        }
        if (call.getKind() == SqlKind.CAST && SqlTypeFamily.NUMERIC.contains(call.getType())
            && call.getOperands().get(0).getType().getSqlTypeName() == SqlTypeName.BOOLEAN) {
            return booleanToNumber(rex, call.getOperands().get(0), call.getType());
        }
        if (call.getKind() == SqlKind.CAST && call.getType().getSqlTypeName() == SqlTypeName.DECIMAL) {
            RelDataType from = call.getOperands().get(0).getType();
            if (SqlTypeFamily.NUMERIC.contains(from) || SqlTypeFamily.CHARACTER.contains(from)) {
                return rex.makeCall(call.getType(), CAST_TO_DECIMAL, call.getOperands());
            }
        }
        return null;
    }

    /** {@code CAST(b AS numeric)}: 1 for TRUE, 0 for FALSE, NULL for NULL (Flink's cast). */
    private static RexNode booleanToNumber(RexBuilder rex, RexNode b, RelDataType type) {
        RexNode one = rex.makeCast(type, rex.makeExactLiteral(java.math.BigDecimal.ONE), true, false);
        RexNode zero = rex.makeCast(type, rex.makeExactLiteral(java.math.BigDecimal.ZERO), true, false);
        if (!b.getType().isNullable()) {
            return rex.makeCall(type, SqlStdOperatorTable.CASE, List.of(b, one, zero));
        }
        return rex.makeCall(type, SqlStdOperatorTable.CASE, List.of(
            rex.makeCall(SqlStdOperatorTable.IS_NULL, b), rex.makeNullLiteral(type), b, one, zero));
    }

    /** {@code x IS [NOT] JSON ...} of a NULL {@code x} is FALSE (TRUE) in Flink, NULL in Calcite. */
    private static RexNode isJson(RexBuilder rex, RexCall call) {
        SqlOperator op = call.getOperator();
        if (op == SqlStdOperatorTable.IS_JSON_VALUE || op == SqlStdOperatorTable.IS_JSON_SCALAR
            || op == SqlStdOperatorTable.IS_JSON_ARRAY || op == SqlStdOperatorTable.IS_JSON_OBJECT) {
            return rex.makeCall(call.getType(), SqlStdOperatorTable.AND, List.of(
                rex.makeCall(SqlStdOperatorTable.IS_NOT_NULL, call.getOperands().get(0)), call));
        }
        if (op == SqlStdOperatorTable.IS_NOT_JSON_VALUE || op == SqlStdOperatorTable.IS_NOT_JSON_SCALAR
            || op == SqlStdOperatorTable.IS_NOT_JSON_ARRAY || op == SqlStdOperatorTable.IS_NOT_JSON_OBJECT) {
            return rex.makeCall(call.getType(), SqlStdOperatorTable.OR, List.of(
                rex.makeCall(SqlStdOperatorTable.IS_NULL, call.getOperands().get(0)), call));
        }
        return null;
    }
}
