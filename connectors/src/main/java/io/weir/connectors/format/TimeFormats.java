package io.weir.connectors.format;

/**
 * Allocation-light parsing and printing of SQL dates, times and timestamps in their internal
 * form (DATE epoch days, TIME millis of day, TIMESTAMP epoch millis, UTC wall clock).
 *
 * <p>Timestamps are {@code yyyy-MM-dd HH:mm:ss[.fffffffff]} ({@code SQL}) or with a {@code T}
 * ({@code ISO-8601}); seconds may be omitted and a trailing {@code Z} is accepted. Digits beyond
 * milliseconds are truncated, as the internal representation is millis.
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
        return (int) timeAt(s, 0, s.length());
    }

    /** Parses a timestamp; {@code isoSeparator} selects {@code T} (ISO-8601) or a space (SQL). */
    public static long parseTimestamp(CharSequence s, boolean isoSeparator) {
        int n = s.length();
        if (n > 0 && s.charAt(n - 1) == 'Z') {
            n--;
        }
        char sep = isoSeparator ? 'T' : ' ';
        if (n < 16 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != sep) {
            throw new IllegalArgumentException("expected a timestamp as " + (isoSeparator ? "yyyy-MM-ddTHH:mm:ss.SSS" : "yyyy-MM-dd HH:mm:ss.SSS")
                + " but was '" + s + "'");
        }
        return dateAt(s, 0) * MILLIS_PER_DAY + timeAt(s, 11, n);
    }

    private static long timeAt(CharSequence s, int i, int end) {
        if (end - i < 5 || s.charAt(i + 2) != ':') {
            throw new IllegalArgumentException("expected a time as HH:mm:ss but was '" + s + "'");
        }
        int h = digits(s, i, 2);
        int m = digits(s, i + 3, 2);
        int sec = 0;
        int millis = 0;
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
                int scale = 100;
                for (p = p + 1; p < end; p++) {
                    int d = s.charAt(p) - '0';
                    if (d < 0 || d > 9) {
                        throw new IllegalArgumentException("not a digit in fraction of '" + s + "'");
                    }
                    millis += d * scale;
                    scale /= 10;
                }
            }
        }
        if (h > 23 || m > 59 || sec > 59) {
            throw new IllegalArgumentException("invalid time in '" + s + "'");
        }
        return h * 3_600_000L + m * 60_000L + sec * 1000L + millis;
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

    /** Appends a timestamp in the SQL ({@code ' '}) or ISO-8601 ({@code 'T'}) layout. */
    public static StringBuilder appendTimestamp(StringBuilder sb, long epochMillis, boolean isoSeparator, int precision) {
        long day = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        appendDate(sb, (int) day).append(isoSeparator ? 'T' : ' ');
        return appendTime(sb, (int) (epochMillis - day * MILLIS_PER_DAY), precision);
    }

    /** {@link #appendTimestamp} into a new string, {@code .SSS} included. */
    public static String formatTimestamp(long epochMillis, boolean isoSeparator) {
        return appendTimestamp(new StringBuilder(23), epochMillis, isoSeparator, 3).toString();
    }

    private static StringBuilder pad(StringBuilder sb, long v, int width) {
        String s = Long.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }
}
