package io.weir.codegen.functions;

import static io.weir.codegen.functions.WeirSqlFunction.FUNCTION_CONTEXT;

import io.weir.runtime.types.TimestampUnits;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.NotNullImplementor;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.TimestampString;

/**
 * Internal operators (never in SQL text) that generated code uses for timestamps whose precision is
 * above 3, whose internal long is in micros or nanos ({@link TimestampUnits}). Calcite's own code
 * generation assumes epoch millis; {@code io.weir.codegen.expr.TimestampPrecisionRewriter} replaces
 * the expressions where that matters with these operators. Each is built with an explicit type.
 */
public final class TimestampOperators {
    private TimestampOperators() {
    }

    /** {@code $TS_VALUE(units)}: a timestamp literal, its BIGINT operand already in the type's unit. */
    public static final WeirSqlFunction TS_VALUE = internal("$TS_VALUE",
        (t, call, args) -> EnumUtils.convert(args.get(0), long.class));

    /** {@code $TS_CAST(ts)}: a TIMESTAMP/TIMESTAMP_LTZ as another of either kind and any precision (floor). */
    public static final WeirSqlFunction TS_CAST = internal("$TS_CAST", (t, call, args) -> {
        RelDataType from = call.getOperands().get(0).getType();
        RelDataType to = call.getType();
        Expression v = EnumUtils.convert(args.get(0), long.class);
        boolean fromLtz = isLtz(from);
        if (fromLtz == isLtz(to)) {
            return Expressions.call(TimestampUnits.class, "rescale", v, p(from), p(to));
        }
        return Expressions.call(TimestampFunctions.class, fromLtz ? "ltzToTimestamp" : "timestampToLtz", v,
            p(from), p(to), FUNCTION_CONTEXT);
    });

    /** {@code $TS_CEIL_MILLIS(ts)}: a timestamp of precision above 3 rounded up to a TIMESTAMP(3). */
    public static final WeirSqlFunction TS_CEIL_MILLIS = internal("$TS_CEIL_MILLIS",
        (t, call, args) -> Expressions.call(TimestampFunctions.class, "ceilToMillis",
            EnumUtils.convert(args.get(0), long.class), p(call.getOperands().get(0).getType())));

    /** {@code $STRING_TO_TS(text)}: {@code CAST(text AS TIMESTAMP(p) | TIMESTAMP_LTZ(p))}. */
    public static final WeirSqlFunction STRING_TO_TS = internal("$STRING_TO_TS", (t, call, args) -> {
        Expression text = EnumUtils.convert(args.get(0), String.class);
        return isLtz(call.getType())
            ? Expressions.call(TimestampFunctions.class, "parseLtz", text, p(call.getType()), FUNCTION_CONTEXT)
            : Expressions.call(TimestampFunctions.class, "parseTimestamp", text, p(call.getType()));
    });

    /** {@code $TRY_STRING_TO_TS(text)}: {@code TRY_CAST(text AS TIMESTAMP(p) | TIMESTAMP_LTZ(p))}, NULL if bad. */
    public static final WeirSqlFunction TRY_STRING_TO_TS = internal("$TRY_STRING_TO_TS", (t, call, args) -> {
        Expression text = EnumUtils.convert(args.get(0), String.class);
        return Expressions.call(TimestampFunctions.class, "tryParse", text, p(call.getType()),
            Expressions.constant(isLtz(call.getType())), FUNCTION_CONTEXT);
    });

    /** {@code $TS_PLUS(ts, interval)}: {@code ts + interval} (interval in millis or months). */
    public static final WeirSqlFunction TS_PLUS = internal("$TS_PLUS", plus(false));

    /** {@code $TS_MINUS(ts, interval)}: {@code ts - interval}. */
    public static final WeirSqlFunction TS_MINUS = internal("$TS_MINUS", plus(true));

    /** {@code $TIMESTAMPADD('UNIT', count, ts)}: Flink's TIMESTAMPADD, exact to the result's precision. */
    public static final WeirSqlFunction TIMESTAMPADD = internal("$TIMESTAMPADD",
        (t, call, args) -> Expressions.call(TimestampFunctions.class, "timestampAdd",
            EnumUtils.convert(args.get(0), String.class), EnumUtils.convert(args.get(1), long.class),
            EnumUtils.convert(args.get(2), long.class), p(call.getOperands().get(2).getType()),
            p(call.getType())));

    /** {@code $TS_EXTRACT('MICROSECOND' | 'NANOSECOND', ts)}: EXTRACT of a sub-millisecond unit. */
    public static final WeirSqlFunction TS_EXTRACT = internal("$TS_EXTRACT",
        (t, call, args) -> EnumUtils.convert(Expressions.call(TimestampFunctions.class, "extractSubMillis",
            EnumUtils.convert(args.get(0), String.class), EnumUtils.convert(args.get(1), long.class),
            p(call.getOperands().get(1).getType())), long.class));

    /** Every operator above: the rewriter leaves their operands as they are. */
    public static final List<WeirSqlFunction> ALL = List.of(TS_VALUE, TS_CAST, TS_CEIL_MILLIS, STRING_TO_TS,
        TRY_STRING_TO_TS,
        TS_PLUS, TS_MINUS, TIMESTAMPADD, TS_EXTRACT);

    /** Whether {@code type} is TIMESTAMP or TIMESTAMP_LTZ. */
    public static boolean isTimestamp(RelDataType type) {
        SqlTypeName n = type.getSqlTypeName();
        return n == SqlTypeName.TIMESTAMP || n == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    }

    /** Whether {@code type} is a TIMESTAMP/TIMESTAMP_LTZ whose internal long is not in milliseconds. */
    public static boolean isSubMillis(RelDataType type) {
        return isTimestamp(type) && !TimestampUnits.isMillis(precision(type));
    }

    /** The fractional-second precision of a TIMESTAMP/TIMESTAMP_LTZ type (0 if unspecified). */
    public static int precision(RelDataType type) {
        return Math.max(type.getPrecision(), 0);
    }

    /**
     * The internal value of a TIMESTAMP or TIMESTAMP_LTZ literal in its type's unit (a TIMESTAMP_LTZ
     * literal's text is its UTC date-time).
     */
    public static long unitsOf(RexLiteral literal) {
        TimestampString text = literal.getValueAs(TimestampString.class);
        LocalDateTime ldt = LocalDateTime.parse(text.toString().replace(' ', 'T'));
        return TimestampUnits.fromLocalDateTime(ldt, precision(literal.getType()));
    }

    /** The literal text of an internal TIMESTAMP / TIMESTAMP_LTZ value of precision {@code p}. */
    public static TimestampString timestampString(long units, int precision) {
        LocalDateTime ldt = TimestampUnits.toLocalDateTime(units, precision);
        return new TimestampString(ldt.getYear(), ldt.getMonthValue(), ldt.getDayOfMonth(), ldt.getHour(),
            ldt.getMinute(), ldt.getSecond()).withNanos(ldt.getNano());
    }

    private static Expression p(RelDataType type) {
        return Expressions.constant(precision(type));
    }

    private static boolean isLtz(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    }

    private static NotNullImplementor plus(boolean minus) {
        return (t, call, args) -> {
            RelDataType interval = call.getOperands().get(1).getType();
            boolean months = SqlTypeName.YEAR_INTERVAL_TYPES.contains(interval.getSqlTypeName());
            Expression amount = EnumUtils.convert(args.get(1), months ? int.class : long.class);
            if (minus) {
                amount = Expressions.call(Math.class, "negateExact", amount);
            }
            return Expressions.call(TimestampFunctions.class, months ? "plusMonths" : "plusMillis",
                EnumUtils.convert(args.get(0), long.class), amount, p(call.getType()));
        };
    }

    private static WeirSqlFunction internal(String name, NotNullImplementor implementor) {
        return WeirSqlFunction.internal(name, opBinding -> {
            throw new UnsupportedOperationException(name + " is built with an explicit type");
        }, OperandTypes.VARIADIC, implementor, NullPolicy.STRICT);
    }
}
