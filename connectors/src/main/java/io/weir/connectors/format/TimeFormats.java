package io.weir.connectors.format;

import io.weir.runtime.types.TimestampUnits;

/**
 * Allocation-light parsing and printing of SQL dates, times and timestamps in their internal
 * form (DATE epoch days, TIME millis of day, TIMESTAMP(p) epoch millis for p &lt;= 3, micros for
 * p 4..6, nanos for p 7..9, UTC wall clock; see {@link TimestampUnits}).
 *
 * <p>Timestamps are {@code yyyy-MM-dd HH:mm:ss[.fffffffff]} ({@code SQL}) or with a {@code T}
 * ({@code ISO-8601}); seconds may be omitted and a trailing {@code Z} is accepted. Digits below
 * the unit of the precision are truncated.
 *
 * <p>Maintenance note: {@code java.time} parsers allocate several objects per value, which
 * dominates JSON reading of the Nexmark streams; these hand-written routines allocate nothing.
 */
public final class TimeFormats {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private TimeFormats() {
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
    public static int epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int mp = (month + 9) % 12;
        int doy = (153 * mp + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    /** Parses {@code yyyy-MM-dd}; throws IllegalArgumentException when malformed. */
    public static int parseDate(CharSequence s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            throw new IllegalArgumentException("expected a date as yyyy-MM-dd but was '" + s + "'");
        }
        return dateAt(s, 0);
    }

    private static int dateAt(CharSequence s, int i) {
        int year = digits(s, i, 4);
        int month = digits(s, i + 5, 2);
        int day = digits(s, i + 8, 2);
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            throw new IllegalArgumentException("invalid date '" + s + "'");
        }
        return epochDay(year, month, day);
    }

    /** Parses {@code HH:mm[:ss[.fff]]} into millis of the day. */
    public static int parseTime(CharSequence s) {
        return (int) (nanosOfDayAt(s, 0, s.length()) / 1_000_000L);
    }

    /** Parses a timestamp into epoch millis; {@code isoSeparator} selects {@code T} (ISO-8601) or a space (SQL). */
    public static long parseTimestamp(CharSequence s, boolean isoSeparator) {
        return parseTimestamp(s, isoSeparator, 3);
    }

    /**
     * Parses a timestamp into the internal value of a {@code TIMESTAMP(precision)} (epoch millis,
     * micros or nanos, see {@link TimestampUnits}); fraction digits below that unit are dropped.
     */
    public static long parseTimestamp(CharSequence s, boolean isoSeparator, int precision) {
        int n = s.length();
        if (n > 0 && s.charAt(n - 1) == 'Z') {
            n--;
        }
        char sep = isoSeparator ? 'T' : ' ';
        if (n < 16 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != sep) {
            throw new IllegalArgumentException("expected a timestamp as " + (isoSeparator ? "yyyy-MM-ddTHH:mm:ss.SSS" : "yyyy-MM-dd HH:mm:ss.SSS")
                + " but was '" + s + "'");
        }
        long perSecond = TimestampUnits.unitsPerSecond(precision);
        long ofDay = nanosOfDayAt(s, 11, n) / (1_000_000_000L / perSecond);
        long day = dateAt(s, 0);
        if (perSecond == 1000L) {
            return day * MILLIS_PER_DAY + ofDay;
        }
        try {
            return Math.addExact(Math.multiplyExact(day, 86_400L * perSecond), ofDay);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("timestamp '" + s + "' is out of the range of TIMESTAMP(" + precision
                + ") (1677-09-21 00:12:43.145224192 .. 2262-04-11 23:47:16.854775807 for precision 7..9)");
        }
    }

    private static long nanosOfDayAt(CharSequence s, int i, int end) {
        if (end - i < 5 || s.charAt(i + 2) != ':') {
            throw new IllegalArgumentException("expected a time as HH:mm:ss but was '" + s + "'");
        }
        int h = digits(s, i, 2);
        int m = digits(s, i + 3, 2);
        int sec = 0;
        long nanos = 0;
        int p = i + 5;
        if (p < end) {
            if (s.charAt(p) != ':' || end - p < 3) {
                throw new IllegalArgumentException("expected a time as HH:mm:ss but was '" + s + "'");
            }
            sec = digits(s, p + 1, 2);
            p += 3;
            if (p < end) {
                if (s.charAt(p) != '.') {
                    throw new IllegalArgumentException("unexpected '" + s.charAt(p) + "' in time '" + s + "'");
                }
                long scale = 100_000_000L;
                for (p = p + 1; p < end; p++) {
                    int d = s.charAt(p) - '0';
                    if (d < 0 || d > 9) {
                        throw new IllegalArgumentException("not a digit in fraction of '" + s + "'");
                    }
                    nanos += d * scale;
                    scale /= 10;
                }
            }
        }
        if (h > 23 || m > 59 || sec > 59) {
            throw new IllegalArgumentException("invalid time in '" + s + "'");
        }
        return (h * 3_600L + m * 60L + sec) * 1_000_000_000L + nanos;
    }

    private static int digits(CharSequence s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("not a digit at position " + i + " of '" + s + "'");
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Appends {@code yyyy-MM-dd}. */
    public static StringBuilder appendDate(StringBuilder sb, int epochDay) {
        long z = epochDay + 719468L;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        if (m <= 2) {
            y++;
        }
        pad(sb, y, 4).append('-');
        pad(sb, m, 2).append('-');
        return pad(sb, d, 2);
    }

    /** Appends {@code HH:mm:ss} and, when {@code precision > 0}, {@code .SSS}. */
    public static StringBuilder appendTime(StringBuilder sb, int millisOfDay, int precision) {
        pad(sb, millisOfDay / 3_600_000, 2).append(':');
        pad(sb, millisOfDay / 60_000 % 60, 2).append(':');
        pad(sb, millisOfDay / 1000 % 60, 2);
        if (precision > 0) {
            pad(sb.append('.'), millisOfDay % 1000, 3);
        }
        return sb;
    }

    /**
     * Appends a timestamp in the SQL ({@code ' '}) or ISO-8601 ({@code 'T'}) layout; {@code value} is
     * the internal value of a {@code TIMESTAMP(precision)}. The fraction has 3 digits for precision
     * 1..3 and exactly {@code precision} digits above 3.
     */
    public static StringBuilder appendTimestamp(StringBuilder sb, long value, boolean isoSeparator, int precision) {
        if (TimestampUnits.isMillis(precision)) {
            long day = Math.floorDiv(value, MILLIS_PER_DAY);
            appendDate(sb, (int) day).append(isoSeparator ? 'T' : ' ');
            return appendTime(sb, (int) (value - day * MILLIS_PER_DAY), precision);
        }
        long perSecond = TimestampUnits.unitsPerSecond(precision);
        long seconds = Math.floorDiv(value, perSecond);
        long day = Math.floorDiv(seconds, 86_400L);
        appendDate(sb, (int) day).append(isoSeparator ? 'T' : ' ');
        appendTime(sb, (int) ((seconds - day * 86_400L) * 1000L), 0);
        return sb.append('.').append(TimestampUnits.fraction(value, precision));
    }

    /** {@link #appendTimestamp} of epoch millis into a new string, {@code .SSS} included. */
    public static String formatTimestamp(long epochMillis, boolean isoSeparator) {
        return appendTimestamp(new StringBuilder(23), epochMillis, isoSeparator, 3).toString();
    }

    /** {@link #appendTimestamp} of a {@code TIMESTAMP(precision)} value, at least {@code .SSS} included. */
    public static String formatTimestamp(long value, boolean isoSeparator, int precision) {
        return appendTimestamp(new StringBuilder(29), value, isoSeparator, Math.max(3, precision)).toString();
    }

    private static StringBuilder pad(StringBuilder sb, long v, int width) {
        String s = Long.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }
}
