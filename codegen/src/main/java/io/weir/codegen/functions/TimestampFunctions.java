package io.weir.codegen.functions;

import io.weir.runtime.generated.FunctionContext;
import io.weir.runtime.types.TimestampUnits;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.apache.calcite.avatica.util.DateTimeUtils;
import org.apache.calcite.avatica.util.TimeUnit;

/**
 * Run-time helpers for timestamps of any precision, called by generated code. A TIMESTAMP(p) or
 * TIMESTAMP_LTZ(p) value is a long whose unit depends on p ({@link TimestampUnits}): millis for
 * p &lt;= 3, micros for 4..6, nanos for 7..9. Arguments are never null (callers check first).
 */
public final class TimestampFunctions {
    private TimestampFunctions() {
    }

    /** {@code CAST(TIMESTAMP(p1) AS TIMESTAMP_LTZ(p2))}: the local date-time in the session time zone. */
    public static long timestampToLtz(long value, int fromP, int toP, FunctionContext ctx) {
        LocalDateTime ldt = TimestampUnits.toLocalDateTime(value, fromP);
        return TimestampUnits.fromInstant(ldt.atZone(ctx.localTimeZone()).toInstant(), toP);
    }

    /** {@code CAST(TIMESTAMP_LTZ(p1) AS TIMESTAMP(p2))}: the instant's local date-time in the session zone. */
    public static long ltzToTimestamp(long value, int fromP, int toP, FunctionContext ctx) {
        LocalDateTime ldt = LocalDateTime.ofInstant(TimestampUnits.toInstant(value, fromP), ctx.localTimeZone());
        return TimestampUnits.fromLocalDateTime(ldt, toP);
    }

    /** The value rounded up to epoch millis (for {@code CEIL} computed in milliseconds). */
    public static long ceilToMillis(long value, int precision) {
        long perMilli = TimestampUnits.unitsPerMilli(precision);
        return -Math.floorDiv(-value, perMilli);
    }

    /** {@code CAST(text AS TIMESTAMP(p))}: {@code yyyy-MM-dd[( |T)HH:mm[:ss[.fffffffff]]]}, digits below p dropped. */
    public static long parseTimestamp(String text, int precision) {
        return TimestampUnits.fromLocalDateTime(parseLocal(text, "TIMESTAMP(" + precision + ")"), precision);
    }

    /** {@code CAST(text AS TIMESTAMP_LTZ(p))}: the local text in the session time zone. */
    public static long parseLtz(String text, int precision, FunctionContext ctx) {
        LocalDateTime ldt = parseLocal(text, "TIMESTAMP_LTZ(" + precision + ")");
        return TimestampUnits.fromInstant(ldt.atZone(ctx.localTimeZone()).toInstant(), precision);
    }

    /** {@code TRY_CAST(text AS TIMESTAMP(p) | TIMESTAMP_LTZ(p))}: null if the text is not a timestamp. */
    public static Long tryParse(String text, int precision, boolean ltz, FunctionContext ctx) {
        try {
            return ltz ? parseLtz(text, precision, ctx) : parseTimestamp(text, precision);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null;
        }
    }

    private static LocalDateTime parseLocal(String text, String type) {
        try {
            return LocalDateTime.parse(text.trim(), DateTimeFormats.DEFAULT_TIMESTAMP);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cannot cast '" + text + "' to " + type
                + ": expected yyyy-MM-dd HH:mm:ss[.fffffffff]", e);
        }
    }

    /** {@code ts + interval} for a day-time interval in milliseconds. */
    public static long plusMillis(long value, long intervalMillis, int precision) {
        return Math.addExact(value, Math.multiplyExact(intervalMillis, TimestampUnits.unitsPerMilli(precision)));
    }

    /** {@code ts + interval} for a year-month interval in months (the day clamped to the month's end). */
    public static long plusMonths(long value, int months, int precision) {
        long perMilli = TimestampUnits.unitsPerMilli(precision);
        long millis = Math.floorDiv(value, perMilli);
        return DateTimeUtils.addMonths(millis, months) * perMilli + Math.floorMod(value, perMilli);
    }

    /**
     * {@code TIMESTAMPADD(unit, count, ts)}: {@code ts} of precision {@code fromP} plus {@code count}
     * units, as a value of precision {@code toP} (at least {@code fromP}).
     */
    public static long timestampAdd(String unit, long count, long value, int fromP, int toP) {
        long v = TimestampUnits.rescale(value, fromP, toP);
        TimeUnit u = TimeUnit.valueOf(unit);
        switch (u) {
            case YEAR: case QUARTER: case MONTH:
                return plusMonths(v, Math.toIntExact(count * u.multiplier.longValue()), toP);
            default:
                // multiplier is in milliseconds (MICROSECOND 0.001, NANOSECOND 0.000001)
                long perSecond = TimestampUnits.unitsPerSecond(toP);
                long step = u.multiplier.multiply(java.math.BigDecimal.valueOf(perSecond))
                    .divide(java.math.BigDecimal.valueOf(1000)).longValueExact();
                return Math.addExact(v, Math.multiplyExact(count, step));
        }
    }

    /** {@code EXTRACT(MICROSECOND | NANOSECOND FROM ts)}: the unit's count within the minute, as Calcite defines it. */
    public static long extractSubMillis(String unit, long value, int precision) {
        long perSecond = TimestampUnits.unitsPerSecond(precision);
        long ofMinute = Math.floorMod(value, 60 * perSecond);
        long nanos = ofMinute * (1_000_000_000L / perSecond);
        return "NANOSECOND".equals(unit) ? nanos : nanos / 1000;
    }

    /** {@code DATE_FORMAT(TIMESTAMP(p), fmt)}. */
    public static String dateFormat(long value, int precision, String pattern) {
        if (TimestampUnits.isMillis(precision)) {
            return FlinkFunctions.dateFormat(value, pattern);
        }
        return DateTimeFormats.formatter(pattern).format(TimestampUnits.toLocalDateTime(value, precision));
    }

    /** {@code DATE_FORMAT(TIMESTAMP_LTZ(p), fmt)}: in the session time zone. */
    public static String dateFormatLtz(long value, int precision, String pattern, FunctionContext ctx) {
        if (TimestampUnits.isMillis(precision)) {
            return FlinkFunctions.dateFormatLtz(value, pattern, ctx);
        }
        return DateTimeFormats.formatter(pattern).format(TimestampUnits.toInstant(value, precision)
            .atZone(ctx.localTimeZone()));
    }
}
