package io.weir.codegen.expr;

import static io.weir.codegen.functions.TimestampOperators.isSubMillis;
import static io.weir.codegen.functions.TimestampOperators.isTimestamp;
import static io.weir.codegen.functions.TimestampOperators.precision;

import io.weir.codegen.functions.TimestampOperators;
import io.weir.codegen.functions.WeirOperatorTable;
import io.weir.runtime.types.TimestampUnits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Rewrites expressions over TIMESTAMP(p) / TIMESTAMP_LTZ(p) with p &gt; 3, whose internal long is in
 * micros (p 4..6) or nanos (p 7..9), so that Calcite's code generation, which assumes epoch millis,
 * only ever sees millisecond timestamps or Weir's precision-aware {@link TimestampOperators}:
 * <ul>
 *   <li>literals become {@code $TS_VALUE(units)};</li>
 *   <li>CAST between timestamps and from text, {@code ts +/- interval}, EXTRACT of sub-millisecond
 *       units become precision-aware operators; comparisons, CASE and COALESCE rescale their
 *       timestamp operands to a common unit;</li>
 *   <li>value-passing calls (IS NULL, ROW, ARRAY, ...) and precision-aware functions (DATE_FORMAT,
 *       CAST to text) keep their operands;</li>
 *   <li>every other call gets its sub-millisecond operands lowered to millis (ceiling for CEIL) and,
 *       if its result is sub-millisecond, is computed as a TIMESTAMP(3) and raised back.</li>
 * </ul>
 */
final class TimestampPrecisionRewriter extends RexShuttle {
    private final RexBuilder rexBuilder;
    private final RelDataTypeFactory typeFactory;

    TimestampPrecisionRewriter(RexBuilder rexBuilder) {
        this.rexBuilder = rexBuilder;
        this.typeFactory = rexBuilder.getTypeFactory();
    }

    @Override
    public RexNode visitLiteral(RexLiteral literal) {
        if (literal.isNull() || !isSubMillis(literal.getType())) {
            return literal;
        }
        long units = TimestampOperators.unitsOf(literal);
        return rexBuilder.makeCall(literal.getType(), TimestampOperators.TS_VALUE,
            List.of(rexBuilder.makeBigintLiteral(BigDecimal.valueOf(units))));
    }

    @Override
    public RexNode visitCall(RexCall original) {
        if (original.getKind() == SqlKind.SEARCH) {
            return RexUtil.expandSearch(rexBuilder, null, original).accept(this);
        }
        RexCall call = (RexCall) super.visitCall(original);
        SqlOperator op = call.getOperator();
        if (TimestampOperators.ALL.contains(op) || keepsOperands(op)) {
            return call;
        }
        switch (call.getKind()) {
            case CAST: case SAFE_CAST:
                return cast(call);
            case EQUALS: case NOT_EQUALS: case LESS_THAN: case LESS_THAN_OR_EQUAL: case GREATER_THAN:
            case GREATER_THAN_OR_EQUAL: case IS_DISTINCT_FROM: case IS_NOT_DISTINCT_FROM:
                return align(call, maxTimestampPrecision(call.getOperands()));
            case CASE: case COALESCE: case NULLIF: case IF: case NVL: case GREATEST: case LEAST:
                return isTimestamp(call.getType()) ? align(call, precision(call.getType())) : lowerAll(call);
            case IS_NULL: case IS_NOT_NULL: case ROW: case ARRAY_VALUE_CONSTRUCTOR: case MAP_VALUE_CONSTRUCTOR:
            case ITEM:
                return call;
            case PLUS: case MINUS:
                RexNode plus = plusInterval(call);
                return plus != null ? plus : lowerAll(call);
            case EXTRACT:
                RexNode extract = extractSubMillis(call);
                return extract != null ? extract : lowerAll(call);
            default:
                return lowerAll(call);
        }
    }

    private static boolean keepsOperands(SqlOperator op) {
        return op == WeirOperatorTable.DATE_FORMAT || op == RexPreparer.TIMESTAMP_TO_STRING
            || op == RexPreparer.ROW_FIELD;
    }

    private RexNode cast(RexCall call) {
        RexNode operand = call.getOperands().get(0);
        RelDataType from = operand.getType();
        RelDataType to = call.getType();
        if (isTimestamp(from) && isTimestamp(to)) {
            boolean sameRoot = from.getSqlTypeName() == to.getSqlTypeName();
            if (sameRoot && precision(from) == precision(to)) {
                return call;
            }
            boolean truncates = sameRoot && precision(to) < precision(from);
            return isSubMillis(from) || isSubMillis(to) || truncates
                ? rexBuilder.makeCall(to, TimestampOperators.TS_CAST, List.of(operand)) : call;
        }
        if (SqlTypeName.CHAR_TYPES.contains(from.getSqlTypeName()) && isSubMillis(to)) {
            boolean safe = call.getKind() == SqlKind.SAFE_CAST;
            return rexBuilder.makeCall(to, safe ? TimestampOperators.TRY_STRING_TO_TS : TimestampOperators.STRING_TO_TS,
                List.of(operand));
        }
        if (isSubMillis(from) && SqlTypeName.CHAR_TYPES.contains(to.getSqlTypeName())) {
            return call; // RexPreparer turns it into $TIMESTAMP_TO_STRING, which knows the precision
        }
        return lowerAll(call);
    }

    /** {@code ts +/- interval} on a sub-millisecond timestamp, or null if {@code call} is not that. */
    private RexNode plusInterval(RexCall call) {
        if (!isSubMillis(call.getType()) || call.getOperands().size() != 2) {
            return null;
        }
        RexNode a = call.getOperands().get(0);
        RexNode b = call.getOperands().get(1);
        boolean aTs = isTimestamp(a.getType());
        RexNode ts = aTs ? a : b;
        RexNode interval = aTs ? b : a;
        if (!isTimestamp(ts.getType()) || !SqlTypeName.INTERVAL_TYPES.contains(interval.getType().getSqlTypeName())
            || (call.getKind() == SqlKind.MINUS && !aTs)) {
            return null;
        }
        ts = rescale(ts, precision(call.getType()));
        SqlOperator op = call.getKind() == SqlKind.MINUS ? TimestampOperators.TS_MINUS : TimestampOperators.TS_PLUS;
        return rexBuilder.makeCall(call.getType(), op, List.of(ts, interval));
    }

    /** {@code EXTRACT(MICROSECOND | NANOSECOND FROM ts)} on a sub-millisecond timestamp, or null. */
    private RexNode extractSubMillis(RexCall call) {
        if (call.getOperands().size() != 2 || !isSubMillis(call.getOperands().get(1).getType())
            || !(call.getOperands().get(0) instanceof RexLiteral)) {
            return null;
        }
        Object flag = ((RexLiteral) call.getOperands().get(0)).getValue();
        if (flag != TimeUnitRange.MICROSECOND && flag != TimeUnitRange.NANOSECOND) {
            return null;
        }
        RexNode bigint = rexBuilder.makeCall(typeFactory.createTypeWithNullability(
                typeFactory.createSqlType(SqlTypeName.BIGINT), call.getType().isNullable()),
            TimestampOperators.TS_EXTRACT, List.of(rexBuilder.makeLiteral(((TimeUnitRange) flag).name()),
                call.getOperands().get(1)));
        return rexBuilder.makeCast(call.getType(), bigint);
    }

    /** Rescales every timestamp operand whose unit differs from {@code p}'s to precision {@code p}. */
    private RexNode align(RexCall call, int p) {
        if (p < 0) {
            return call;
        }
        List<RexNode> operands = new ArrayList<>();
        boolean changed = false;
        for (RexNode o : call.getOperands()) {
            boolean otherUnit = isTimestamp(o.getType())
                && TimestampUnits.unitDigits(precision(o.getType())) != TimestampUnits.unitDigits(p);
            RexNode r = otherUnit ? rescale(o, p) : o;
            changed |= r != o;
            operands.add(r);
        }
        return changed ? call.clone(call.getType(), operands) : call;
    }

    private static int maxTimestampPrecision(List<RexNode> operands) {
        int max = -1;
        for (RexNode o : operands) {
            if (isTimestamp(o.getType())) {
                max = Math.max(max, precision(o.getType()));
            }
        }
        return max;
    }

    /** A call computed in millis: sub-millisecond operands lowered, a sub-millisecond result raised back. */
    private RexNode lowerAll(RexCall call) {
        boolean ceil = call.getKind() == SqlKind.CEIL;
        List<RexNode> operands = new ArrayList<>();
        boolean changed = false;
        for (RexNode o : call.getOperands()) {
            RexNode r = isSubMillis(o.getType()) ? lower(o, ceil) : o;
            changed |= r != o;
            operands.add(r);
        }
        RelDataType type = call.getType();
        if (!isSubMillis(type)) {
            return changed ? call.clone(type, operands) : call;
        }
        RexNode millis = call.clone(withPrecision(type, 3), operands);
        return rexBuilder.makeCall(type, TimestampOperators.TS_CAST, List.of(millis));
    }

    private RexNode lower(RexNode operand, boolean ceil) {
        RelDataType millis = withPrecision(operand.getType(), 3);
        return rexBuilder.makeCall(millis, ceil ? TimestampOperators.TS_CEIL_MILLIS : TimestampOperators.TS_CAST,
            List.of(operand));
    }

    private RexNode rescale(RexNode operand, int p) {
        if (precision(operand.getType()) == p) {
            return operand;
        }
        return rexBuilder.makeCall(withPrecision(operand.getType(), p), TimestampOperators.TS_CAST, List.of(operand));
    }

    private RelDataType withPrecision(RelDataType type, int p) {
        return typeFactory.createTypeWithNullability(typeFactory.createSqlType(type.getSqlTypeName(), p),
            type.isNullable());
    }
}
