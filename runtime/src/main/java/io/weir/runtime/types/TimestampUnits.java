package io.weir.runtime.types;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The unit of a {@code TIMESTAMP(p)} / {@code TIMESTAMP_LTZ(p)} internal {@code Long}, which depends
 * on the precision: p &lt;= 3 epoch milliseconds (every time attribute, window, watermark and timer),
 * p = 4..6 epoch microseconds, p = 7..9 epoch nanoseconds (range 1677-09-21 .. 2262-04-11).
 * Every place that produces or interprets a timestamp's Long goes through this class.
 *
 * <p>Lowering the precision truncates towards the past (floor), as Flink does; raising it fails
 * with {@link ArithmeticException} text naming the value when the result leaves the Long range.
 */
public final class TimestampUnits {
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L};

    private TimestampUnits() {
    }

    /** The number of internal units per second for precision {@code p}: 1e3, 1e6 or 1e9. */
    public static long unitsPerSecond(int precision) {
        return POW10[unitDigits(precision)];
    }

    /** The number of internal units per millisecond for precision {@code p}: 1, 1e3 or 1e6. */
    public static long unitsPerMilli(int precision) {
        return POW10[unitDigits(precision) - 3];
    }

    /** 3, 6 or 9: the decimal digits of a second that the internal unit of precision {@code p} counts. */
    public static int unitDigits(int precision) {
        if (precision <= 3) {
            return 3;
        }
        return precision <= 6 ? 6 : 9;
    }

    /** Whether precision {@code p} is stored in milliseconds (p &lt;= 3). */
    public static boolean isMillis(int precision) {
        return precision <= 3;
    }

    /** The value in epoch milliseconds (floor). */
    public static long toMillis(long value, int precision) {
        return Math.floorDiv(value, unitsPerMilli(precision));
    }

    /** Epoch milliseconds as a value of precision {@code p}. */
    public static long fromMillis(long millis, int precision) {
        return scaleUp(millis, unitsPerMilli(precision), 3, precision);
    }

    /**
     * A value of precision {@code fromP} as a value of precision {@code toP}, dropping the digits
     * below {@code toP} (floor), as Flink's CAST between timestamp precisions does.
     */
    public static long rescale(long value, int fromP, int toP) {
        int from = unitDigits(fromP);
        int to = unitDigits(toP);
        long v = to >= from ? scaleUp(value, POW10[to - from], fromP, toP) : Math.floorDiv(value, POW10[from - to]);
        return truncate(v, toP);
    }

    /** Drops the digits below precision {@code p} from a value already in p's unit (floor). */
    public static long truncate(long value, int precision) {
        int p = Math.max(0, Math.min(precision, 9));
        long step = POW10[unitDigits(p) - Math.min(p, unitDigits(p))];
        return step == 1 ? value : Math.floorDiv(value, step) * step;
    }

    /** The value as a local date-time (the TIMESTAMP reading: no time zone). */
    public static LocalDateTime toLocalDateTime(long value, int precision) {
        long perSecond = unitsPerSecond(precision);
        long seconds = Math.floorDiv(value, perSecond);
        long nanos = Math.floorMod(value, perSecond) * (1_000_000_000L / perSecond);
        return LocalDateTime.ofEpochSecond(seconds, (int) nanos, ZoneOffset.UTC);
    }

    /** A local date-time as a value of precision {@code p} (digits below p dropped). */
    public static long fromLocalDateTime(LocalDateTime ldt, int precision) {
        return fromEpoch(ldt.toEpochSecond(ZoneOffset.UTC), ldt.getNano(), precision, ldt);
    }

    /** The value as an instant (the TIMESTAMP_LTZ reading). */
    public static Instant toInstant(long value, int precision) {
        long perSecond = unitsPerSecond(precision);
        return Instant.ofEpochSecond(Math.floorDiv(value, perSecond),
            Math.floorMod(value, perSecond) * (1_000_000_000L / perSecond));
    }

    /** An instant as a value of precision {@code p} (digits below p dropped). */
    public static long fromInstant(Instant instant, int precision) {
        return fromEpoch(instant.getEpochSecond(), instant.getNano(), precision, instant);
    }

    /** Seconds plus nanos of the second as a value of precision {@code p} (digits below p dropped). */
    public static long fromEpoch(long seconds, int nanoOfSecond, int precision, Object shown) {
        long perSecond = unitsPerSecond(precision);
        try {
            long v = Math.addExact(Math.multiplyExact(seconds, perSecond), nanoOfSecond / (1_000_000_000L / perSecond));
            return truncate(v, precision);
        } catch (ArithmeticException e) {
            throw outOfRange(shown, precision);
        }
    }

    /** The fraction of the second as exactly {@code p} digits ("" for p = 0). */
    public static String fraction(long value, int precision) {
        int p = Math.max(0, Math.min(precision, 9));
        if (p == 0) {
            return "";
        }
        long perSecond = unitsPerSecond(p);
        String digits = Long.toString(perSecond + Math.floorMod(value, perSecond)).substring(1);
        return digits.length() >= p ? digits.substring(0, p) : digits + "0".repeat(p - digits.length());
    }

    private static long scaleUp(long value, long factor, int fromP, int toP) {
        try {
            return Math.multiplyExact(value, factor);
        } catch (ArithmeticException e) {
            throw outOfRange(toLocalDateTime(value, fromP), toP);
        }
    }

    private static ArithmeticException outOfRange(Object shown, int precision) {
        return new ArithmeticException("timestamp " + shown + " is out of the range of TIMESTAMP(" + precision
            + "): precision 7..9 is stored as epoch nanoseconds, which covers 1677-09-21 00:12:43.145224192"
            + " .. 2262-04-11 23:47:16.854775807");
    }
}
