package io.weir.codegen.functions;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Flink's date-time patterns ({@code SimpleDateFormat} letters such as {@code yyyy-MM-dd HH:mm:ss})
 * as cached, thread-safe {@link DateTimeFormatter}s. Parsing defaults missing time fields to zero,
 * so {@code TO_TIMESTAMP('2024-01-02', 'yyyy-MM-dd')} is midnight.
 */
final class DateTimeFormats {
    /** Flink's default timestamp text: {@code yyyy-MM-dd HH:mm:ss} with optional fraction or 'T'. */
    static final DateTimeFormatter DEFAULT_TIMESTAMP = new DateTimeFormatterBuilder()
        .appendPattern("uuuu-MM-dd")
        .optionalStart().appendLiteral(' ').optionalEnd()
        .optionalStart().appendLiteral('T').optionalEnd()
        .optionalStart()
        .appendPattern("HH:mm")
        .optionalStart().appendPattern(":ss").optionalEnd()
        .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
        .optionalEnd()
        .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
        .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
        .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
        .toFormatter()
        .withResolverStyle(ResolverStyle.STRICT);

    static final String DEFAULT_PATTERN = "yyyy-MM-dd HH:mm:ss";

    private static final int MAX_CACHED = 1024;
    private static final ConcurrentHashMap<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, DateTimeFormatter> PARSERS = new ConcurrentHashMap<>();

    private DateTimeFormats() {
    }

    static DateTimeFormatter formatter(String pattern) {
        DateTimeFormatter f = FORMATTERS.get(pattern);
        if (f == null) {
            f = DateTimeFormatter.ofPattern(pattern);
            cache(FORMATTERS, pattern, f);
        }
        return f;
    }

    static DateTimeFormatter parser(String pattern) {
        DateTimeFormatter f = PARSERS.get(pattern);
        if (f == null) {
            DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().appendPattern(pattern);
            if (!hasAny(pattern, "Hhk")) {
                b.parseDefaulting(ChronoField.HOUR_OF_DAY, 0);
            }
            if (!pattern.contains("m")) {
                b.parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0);
            }
            if (!pattern.contains("s")) {
                b.parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0);
            }
            if (!pattern.contains("d") && !pattern.contains("D")) {
                b.parseDefaulting(ChronoField.DAY_OF_MONTH, 1);
            }
            if (!pattern.contains("M") && !pattern.contains("D")) {
                b.parseDefaulting(ChronoField.MONTH_OF_YEAR, 1);
            }
            f = b.toFormatter();
            cache(PARSERS, pattern, f);
        }
        return f;
    }

    private static boolean hasAny(String pattern, String letters) {
        for (int i = 0; i < letters.length(); i++) {
            if (pattern.indexOf(letters.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static void cache(ConcurrentHashMap<String, DateTimeFormatter> map, String key, DateTimeFormatter f) {
        if (map.size() >= MAX_CACHED) {
            map.clear();
        }
        map.put(key, f);
    }
}
