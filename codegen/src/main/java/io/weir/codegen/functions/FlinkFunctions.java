package io.weir.codegen.functions;

import io.weir.runtime.generated.FunctionContext;
import io.weir.runtime.types.TimestampUnits;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.commons.lang3.StringUtils;

/**
 * Runtime implementations of Flink's built-in functions that Calcite lacks, called by generated
 * code with Calcite's internal values (TIMESTAMP(p) and TIMESTAMP_LTZ(p) as epoch millis for
 * p &lt;= 3, see {@link TimestampFunctions} for higher precisions; DATE as epoch days). A null
 * argument never reaches a method unless its javadoc says so (the generated call checks first). Functions that Flink defines to return NULL on bad input (unparsable text, a bad
 * regex, an index out of range) return null instead of failing.
 */
public final class FlinkFunctions {
    private static final int MAX_CACHED_PATTERNS = 1024;
    private static final ConcurrentHashMap<String, Pattern> REGEXES = new ConcurrentHashMap<>();

    private FlinkFunctions() {
    }

    // ---- time attributes ------------------------------------------------------------------

    /** {@code PROCTIME()}: the processing time, TIMESTAMP_LTZ(3). */
    public static long proctime(FunctionContext ctx) {
        return ctx.currentProcessingTime();
    }

    /** {@code LOCALTIMESTAMP}: the processing time in the session time zone, TIMESTAMP(3). */
    public static long localTimestamp(FunctionContext ctx) {
        long now = ctx.currentProcessingTime();
        return now + ctx.localTimeZone().getRules().getOffset(Instant.ofEpochMilli(now)).getTotalSeconds() * 1000L;
    }

    /** {@code CURRENT_WATERMARK(ts)}: the operator's watermark, or null before the first one. */
    public static Long currentWatermark(FunctionContext ctx) {
        long wm = ctx.currentWatermark();
        return wm == FunctionContext.NO_WATERMARK ? null : wm;
    }

    // ---- formatting and parsing -----------------------------------------------------------

    /** {@code DATE_FORMAT(TIMESTAMP, fmt)}: the timestamp as text, no time zone involved. */
    public static String dateFormat(long timestamp, String pattern) {
        FastDateFormat fast = FastDateFormat.of(pattern);
        if (fast != null) {
            String text = fast.format(timestamp);
            if (text != null) {
                return text;
            }
        }
        return DateTimeFormats.formatter(pattern).format(toLocalDateTime(timestamp));
    }

    /** {@code DATE_FORMAT(TIMESTAMP_LTZ, fmt)}: the instant as text in the session time zone. */
    public static String dateFormatLtz(long instant, String pattern, FunctionContext ctx) {
        ZoneId zone = ctx.localTimeZone();
        if (zone instanceof ZoneOffset) {
            return dateFormat(instant + ((ZoneOffset) zone).getTotalSeconds() * 1000L, pattern);
        }
        return DateTimeFormats.formatter(pattern).format(Instant.ofEpochMilli(instant).atZone(zone));
    }

    /** {@code DATE_FORMAT(STRING, fmt)}: reformats a {@code yyyy-MM-dd HH:mm:ss} text, null if unparsable. */
    public static String dateFormatString(String timestamp, String pattern) {
        Long ts = toTimestamp(timestamp);
        return ts == null ? null : dateFormat(ts, pattern);
    }

    /** {@code CAST(TIMESTAMP(p) AS STRING)} as Flink prints it: {@code yyyy-MM-dd HH:mm:ss} and p fraction digits. */
    public static String timestampToString(long timestamp, int precision) {
        return formatWithPrecision(TimestampUnits.toLocalDateTime(timestamp, precision), precision);
    }

    /** {@code CAST(TIMESTAMP_LTZ(p) AS STRING)}: the instant in the session time zone, as Flink prints it. */
    public static String ltzToString(long instant, int precision, FunctionContext ctx) {
        return formatWithPrecision(LocalDateTime.ofInstant(
            TimestampUnits.toInstant(instant, precision), ctx.localTimeZone()), precision);
    }

    private static String formatWithPrecision(LocalDateTime ldt, int precision) {
        String text = DateTimeFormats.formatter(DateTimeFormats.DEFAULT_PATTERN).format(ldt);
        if (precision <= 0) {
            return text;
        }
        String nanos = String.format("%09d", ldt.getNano());
        return text + "." + nanos.substring(0, Math.min(precision, 9));
    }

    /** {@code TO_TIMESTAMP(text)} in {@code yyyy-MM-dd HH:mm:ss[.fff]}, null if unparsable. */
    public static Long toTimestamp(String text) {
        try {
            return toMillis(LocalDateTime.parse(text.trim(), DateTimeFormats.DEFAULT_TIMESTAMP));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code TO_TIMESTAMP(text, fmt)}, null if unparsable. */
    public static Long toTimestamp(String text, String pattern) {
        LocalDateTime ldt = parseLocal(text, pattern);
        return ldt == null ? null : toMillis(ldt);
    }

    /** {@code TO_TIMESTAMP_LTZ(epoch, precision)}: precision 0 means seconds, 3 milliseconds. */
    public static Long toTimestampLtz(long epoch, int precision) {
        switch (precision) {
            case 0: return Math.multiplyExact(epoch, 1000L);
            case 3: return epoch;
            default: throw new IllegalArgumentException(
                "TO_TIMESTAMP_LTZ supports precision 0 (seconds) or 3 (milliseconds), not " + precision);
        }
    }

    /** {@code TO_TIMESTAMP_LTZ(epoch DECIMAL/DOUBLE, precision)}, fractions kept to the millisecond. */
    public static Long toTimestampLtz(BigDecimal epoch, int precision) {
        switch (precision) {
            case 0: return epoch.movePointRight(3).longValue();
            case 3: return epoch.longValue();
            default: throw new IllegalArgumentException(
                "TO_TIMESTAMP_LTZ supports precision 0 (seconds) or 3 (milliseconds), not " + precision);
        }
    }

    /** {@code TO_TIMESTAMP_LTZ(text, fmt)}: local text in the session zone, null if unparsable. */
    public static Long toTimestampLtz(String text, String pattern, FunctionContext ctx) {
        return toTimestampLtzInZone(text, pattern, ctx.localTimeZone());
    }

    /** {@code TO_TIMESTAMP_LTZ(text, fmt, zone)}: local text in the given zone, null if unparsable. */
    public static Long toTimestampLtz(String text, String pattern, String zone) {
        return toTimestampLtzInZone(text, pattern, ZoneId.of(zone));
    }

    private static Long toTimestampLtzInZone(String text, String pattern, ZoneId zone) {
        LocalDateTime ldt = parseLocal(text, pattern);
        return ldt == null ? null : ldt.atZone(zone).toInstant().toEpochMilli();
    }

    /** {@code TO_DATE(text)} in {@code yyyy-MM-dd}, null if unparsable. */
    public static Integer toDate(String text) {
        return toDate(text, "yyyy-MM-dd");
    }

    /** {@code TO_DATE(text, fmt)}, null if unparsable. */
    public static Integer toDate(String text, String pattern) {
        LocalDateTime ldt = parseLocal(text, pattern);
        return ldt == null ? null : (int) ldt.toLocalDate().toEpochDay();
    }

    /** {@code FROM_UNIXTIME(seconds)}: {@code yyyy-MM-dd HH:mm:ss} in the session zone. */
    public static String fromUnixtime(long seconds, FunctionContext ctx) {
        return fromUnixtime(seconds, DateTimeFormats.DEFAULT_PATTERN, ctx);
    }

    /** {@code FROM_UNIXTIME(seconds, fmt)} in the session zone. */
    public static String fromUnixtime(long seconds, String pattern, FunctionContext ctx) {
        return DateTimeFormats.formatter(pattern)
            .format(Instant.ofEpochSecond(seconds).atZone(ctx.localTimeZone()));
    }

    /** {@code UNIX_TIMESTAMP()}: the processing time in epoch seconds. */
    public static long unixTimestamp(FunctionContext ctx) {
        return Math.floorDiv(ctx.currentProcessingTime(), 1000L);
    }

    /** {@code UNIX_TIMESTAMP(text)}: {@code yyyy-MM-dd HH:mm:ss} in the session zone, in seconds; null if unparsable. */
    public static Long unixTimestamp(String text, FunctionContext ctx) {
        return unixTimestamp(text, DateTimeFormats.DEFAULT_PATTERN, ctx);
    }

    /** {@code UNIX_TIMESTAMP(text, fmt)} in the session zone, in seconds; null if unparsable. */
    public static Long unixTimestamp(String text, String pattern, FunctionContext ctx) {
        LocalDateTime ldt = parseLocal(text, pattern);
        return ldt == null ? null : ldt.atZone(ctx.localTimeZone()).toEpochSecond();
    }

    private static LocalDateTime parseLocal(String text, String pattern) {
        try {
            DateTimeFormatter parser = DateTimeFormats.parser(pattern);
            TemporalAccessor parsed = parser.parse(text.trim());
            return LocalDateTime.of(LocalDate.from(parsed), java.time.LocalTime.from(parsed));
        } catch (RuntimeException e) {
            return null; // DateTimeParseException or an invalid pattern: Flink returns NULL
        }
    }

    private static long toMillis(LocalDateTime ldt) {
        return ldt.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static LocalDateTime toLocalDateTime(long millis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L),
            (int) Math.floorMod(millis, 1000L) * 1_000_000, ZoneOffset.UTC);
    }

    // ---- strings --------------------------------------------------------------------------

    /** {@code SPLIT_INDEX(text, separator, index)}: the 0-based token, null if out of range. */
    public static String splitIndex(String text, String separator, int index) {
        if (index < 0 || text.isEmpty()) {
            return null;
        }
        if (separator.isEmpty()) { // whitespace-separated, as Flink's StringUtils call does
            String[] tokens = StringUtils.splitByWholeSeparatorPreserveAllTokens(text, separator);
            return index < tokens.length ? tokens[index] : null;
        }
        int start = 0;
        for (int i = 0; i < index; i++) {
            int p = text.indexOf(separator, start);
            if (p < 0) {
                return null;
            }
            start = p + separator.length();
        }
        int end = text.indexOf(separator, start);
        return end < 0 ? text.substring(start) : text.substring(start, end);
    }

    /** {@code REGEXP_EXTRACT(text, regex)}: the whole first match, null if none or the regex is bad. */
    public static String regexpExtract(String text, String regex) {
        return regexpExtract(text, regex, 0);
    }

    /** {@code REGEXP_EXTRACT(text, regex, group)}: group of the first match, null if none or invalid. */
    public static String regexpExtract(String text, String regex, int group) {
        Pattern p = regex(regex);
        if (p == null) {
            return null;
        }
        Matcher m = p.matcher(text);
        if (!m.find() || group < 0 || group > m.groupCount()) {
            return null;
        }
        return m.group(group);
    }

    /** {@code REGEXP(text, regex)}: whether the regex matches part of the text; null if invalid. */
    public static Boolean regexp(String text, String regex) {
        Pattern p = regex(regex);
        return p == null ? null : p.matcher(text).find();
    }

    private static Pattern regex(String regex) {
        Pattern p = REGEXES.get(regex);
        if (p == null) {
            try {
                p = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                return null;
            }
            if (REGEXES.size() >= MAX_CACHED_PATTERNS) {
                REGEXES.clear();
            }
            REGEXES.put(regex, p);
        }
        return p;
    }

    /** {@code HASH_CODE(x)}: Java's hash code of the internal value. */
    public static int hashCode(Object value) {
        if (value instanceof byte[]) {
            return java.util.Arrays.hashCode((byte[]) value);
        }
        return value.hashCode();
    }
}
