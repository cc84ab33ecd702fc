package io.weir.codegen.expr;

import io.weir.codegen.functions.WeirSqlFunction;
import io.weir.codegen.runtime.RowAccess;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import java.util.List;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Primitive;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Rewrites expressions before translation: nested ROW field access reads Weir's {@link
 * io.weir.runtime.data.Row} (Calcite's own struct access expects arrays or Java objects), and
 * optionally integer arithmetic becomes Calcite's checked arithmetic, which fails on overflow.
 */
final class RexPreparer extends RexShuttle {

    /** {@code $ROW_FIELD(struct, index)}: field {@code index} of a nested row. */
    static final WeirSqlFunction ROW_FIELD = InternalFunctions.rowField();

    /** {@code CAST(timestamp AS STRING)} in Flink's format (Calcite trims zeros and appends the zone). */
    static final WeirSqlFunction TIMESTAMP_TO_STRING = InternalFunctions.timestampToString();

    private final RexBuilder rexBuilder;
    private final boolean checkedArithmetic;

    RexPreparer(RexBuilder rexBuilder, boolean checkedArithmetic) {
        this.rexBuilder = rexBuilder;
        this.checkedArithmetic = checkedArithmetic;
    }

    RexNode prepare(RexNode node) {
        return node.accept(new TimestampPrecisionRewriter(rexBuilder)).accept(this);
    }

    @Override
    public RexNode visitFieldAccess(RexFieldAccess fieldAccess) {
        RexNode target = fieldAccess.getReferenceExpr().accept(this);
        if (target.getKind() == SqlKind.CORREL_VARIABLE) {
            return fieldAccess;
        }
        return rexBuilder.makeCall(fieldAccess.getType(), ROW_FIELD, List.of(target,
            rexBuilder.makeExactLiteral(java.math.BigDecimal.valueOf(fieldAccess.getField().getIndex()))));
    }

    @Override
    public RexNode visitCall(RexCall call) {
        RexCall visited = (RexCall) super.visitCall(call);
        if (visited.getKind() == SqlKind.CAST && isTimestampToString(visited)) {
            return rexBuilder.makeCall(visited.getType(), TIMESTAMP_TO_STRING, visited.getOperands());
        }
        if (!checkedArithmetic || !SqlTypeName.INT_TYPES.contains(visited.getType().getSqlTypeName())) {
            return visited;
        }
        SqlOperator checked = checkedOperator(visited.getKind());
        return checked == null ? visited : rexBuilder.makeCall(visited.getType(), checked, visited.getOperands());
    }

    private static boolean isTimestampToString(RexCall cast) {
        SqlTypeName from = cast.getOperands().get(0).getType().getSqlTypeName();
        return (from == SqlTypeName.TIMESTAMP || from == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE)
            && SqlTypeName.CHAR_TYPES.contains(cast.getType().getSqlTypeName());
    }

    private static SqlOperator checkedOperator(SqlKind kind) {
        switch (kind) {
            case PLUS: return SqlStdOperatorTable.CHECKED_PLUS;
            case MINUS: return SqlStdOperatorTable.CHECKED_MINUS;
            case TIMES: return SqlStdOperatorTable.CHECKED_MULTIPLY;
            case DIVIDE: return SqlStdOperatorTable.CHECKED_DIVIDE;
            case MINUS_PREFIX: return SqlStdOperatorTable.CHECKED_UNARY_MINUS;
            default: return null;
        }
    }

    /** Internal operators that only generated code uses (never in the operator table). */
    static final class InternalFunctions {
        private InternalFunctions() {
        }

        static WeirSqlFunction timestampToString() {
            return WeirSqlFunction.internal("$TIMESTAMP_TO_STRING", opBinding -> {
                throw new UnsupportedOperationException("$TIMESTAMP_TO_STRING is built with an explicit type");
            }, OperandTypes.ANY, (t, call, args) -> {
                org.apache.calcite.rel.type.RelDataType from = call.getOperands().get(0).getType();
                Expression precision = Expressions.constant(Math.max(from.getPrecision(), 0));
                Expression value = EnumUtils.convert(args.get(0), long.class);
                return from.getSqlTypeName() == SqlTypeName.TIMESTAMP
                    ? Expressions.call(io.weir.codegen.functions.FlinkFunctions.class, "timestampToString", value,
                        precision)
                    : Expressions.call(io.weir.codegen.functions.FlinkFunctions.class, "ltzToString", value,
                        precision, WeirSqlFunction.FUNCTION_CONTEXT);
            }, NullPolicy.STRICT);
        }

        static WeirSqlFunction rowField() {
            return WeirSqlFunction.internal("$ROW_FIELD", opBinding -> {
                throw new UnsupportedOperationException("$ROW_FIELD is built with an explicit type");
            }, OperandTypes.ANY_NUMERIC, (t, call, args) -> RowInputGetter.read(
                Expressions.call(RowAccess.class, "field", Expressions.box(args.get(0)),
                    EnumUtils.convert(args.get(1), int.class)),
                call.getType(), Primitive.box(WeirSqlFunction.javaClass(call.getType()))), NullPolicy.ARG0);
        }
    }
}
