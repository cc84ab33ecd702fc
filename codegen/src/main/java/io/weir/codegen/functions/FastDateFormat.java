package io.weir.codegen.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fast formatter for the numeric date-time patterns streaming queries use most ({@code yyyy},
 * {@code MM}, {@code dd}, {@code HH}, {@code mm}, {@code ss}, {@code SSS} and literals, e.g.
 * {@code yyyy-MM-dd HH:mm:ss}): it computes the fields from epoch milliseconds arithmetically and
 * writes digits into a char array, about ten times faster than {@code DateTimeFormatter}.
 * {@link #of} returns null for any other pattern, and callers fall back to {@code DateTimeFormatter}.
 * Immutable and thread-safe.
 */
final class FastDateFormat {
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final int MAX_CACHED = 1024;
    private static final ConcurrentHashMap<String, Object> CACHE = new ConcurrentHashMap<>();
    private static final Object UNSUPPORTED = new Object();

    /** Field codes; a literal is stored as its negative character code minus one. */
    private static final int YEAR = 1;
    private static final int MONTH = 2;
    private static final int DAY = 3;
    private static final int HOUR = 4;
    private static final int MINUTE = 5;
    private static final int SECOND = 6;
    private static final int MILLI = 7;

    private final int[] tokens;
    private final int length;

    private FastDateFormat(int[] tokens, int length) {
        this.tokens = tokens;
        this.length = length;
    }

    /** The formatter for {@code pattern}, or null if the pattern needs {@code DateTimeFormatter}. */
    static FastDateFormat of(String pattern) {
        Object f = CACHE.get(pattern);
        if (f == null) {
            FastDateFormat compiled = compile(pattern);
            f = compiled == null ? UNSUPPORTED : compiled;
            if (CACHE.size() >= MAX_CACHED) {
                CACHE.clear();
            }
            CACHE.put(pattern, f);
        }
        return f == UNSUPPORTED ? null : (FastDateFormat) f;
    }

    private static FastDateFormat compile(String pattern) {
        List<Integer> tokens = new ArrayList<>();
        int length = 0;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int run = 1;
            while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
                run++;
            }
            if (Character.isLetter(c)) {
                int field = field(c, run);
                if (field == 0) {
                    return null;
                }
                tokens.add(field);
                length += run;
            } else if (c == '\'') {
                return null; // quoted text: leave it to DateTimeFormatter
            } else {
                for (int k = 0; k < run; k++) {
                    tokens.add(-c - 1);
                }
                length += run;
            }
            i += run;
        }
        int[] array = new int[tokens.size()];
        for (int k = 0; k < array.length; k++) {
            array[k] = tokens.get(k);
        }
        return new FastDateFormat(array, length);
    }

    private static int field(char c, int run) {
        switch (c) {
            case 'y': return run == 4 ? YEAR : 0;
            case 'M': return run == 2 ? MONTH : 0;
            case 'd': return run == 2 ? DAY : 0;
            case 'H': return run == 2 ? HOUR : 0;
            case 'm': return run == 2 ? MINUTE : 0;
            case 's': return run == 2 ? SECOND : 0;
            case 'S': return run == 3 ? MILLI : 0;
            default: return 0;
        }
    }

    /** Formats {@code millis} (a local date-time as epoch millis at UTC); years 0..9999 only. */
    String format(long millis) {
        long days = Math.floorDiv(millis, MILLIS_PER_DAY);
        int millisOfDay = (int) Math.floorMod(millis, MILLIS_PER_DAY);
        // civil-from-days (Howard Hinnant's algorithm)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) {
            return null;
        }
        char[] out = new char[length];
        int pos = 0;
        for (int t : tokens) {
            switch (t) {
                case YEAR: pos = digits(out, pos, (int) year, 4); break;
                case MONTH: pos = digits(out, pos, month, 2); break;
                case DAY: pos = digits(out, pos, day, 2); break;
                case HOUR: pos = digits(out, pos, millisOfDay / 3_600_000, 2); break;
                case MINUTE: pos = digits(out, pos, millisOfDay / 60_000 % 60, 2); break;
                case SECOND: pos = digits(out, pos, millisOfDay / 1000 % 60, 2); break;
                case MILLI: pos = digits(out, pos, millisOfDay % 1000, 3); break;
                default: out[pos++] = (char) (-t - 1);
            }
        }
        return new String(out);
    }

    private static int digits(char[] out, int pos, int value, int width) {
        for (int k = width - 1; k >= 0; k--) {
            out[pos + k] = (char) ('0' + value % 10);
            value /= 10;
        }
        return pos + width;
    }
}
