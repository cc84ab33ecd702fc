package io.weir.codegen.functions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IllegalFormatException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runtime implementations of Flink's string, math and collection built-ins that Calcite lacks or
 * implements differently (see {@link FlinkBuiltins} for the operators). Called by generated code
 * with Calcite's internal values; unless a method takes boxed arguments, a null argument never
 * reaches it (the generated call returns NULL first). Bad input that Flink maps to NULL (an invalid
 * regex, a malformed URL, an index out of range) returns null.
 */
public final class FlinkStringFunctions {
    private static final DateTimeFormatter CONVERT_TZ_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private FlinkStringFunctions() {
    }

    // ---- strings ---------------------------------------------------------------------------

    /** {@code BIN(n)}: n in binary, two's complement for negatives (64 bits). */
    public static String bin(long n) {
        return Long.toBinaryString(n);
    }

    /** {@code HEX(n)}: n in upper-case hexadecimal, two's complement for negatives (64 bits). */
    public static String hex(long n) {
        return Long.toHexString(n).toUpperCase(Locale.ROOT);
    }

    /** {@code HEX(string)}: the UTF-8 bytes of the string in upper-case hexadecimal. */
    public static String hexString(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            b.append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xF, 16)))
                .append(Character.toUpperCase(Character.forDigit(x & 0xF, 16)));
        }
        return b.toString();
    }

    /** {@code FROM_BASE64(string)}: the decoded bytes as a UTF-8 string (Flink's STRING result). */
    public static String fromBase64(String s) {
        try {
            return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code CHR(n)}: the character n modulo 256; the empty string for a negative n. */
    public static String chr(long n) {
        if (n < 0) {
            return "";
        }
        return String.valueOf((char) (n & 0xFF));
    }

    /** {@code LOCATE(needle, haystack)}: 1-based position of the first occurrence, 0 if none. */
    public static int locate(String needle, String haystack) {
        return haystack.indexOf(needle) + 1;
    }

    /** {@code LOCATE(needle, haystack, start)}: the first occurrence at or after 1-based {@code start}. */
    public static int locate(String needle, String haystack, int start) {
        if (start < 1) {
            return 0;
        }
        return haystack.indexOf(needle, start - 1) + 1;
    }

    /** {@code SUBSTR(s, start)}: as {@code SUBSTRING(s FROM start)}. */
    public static String substr(String s, int start) {
        return substr(s, start, Integer.MAX_VALUE);
    }

    /**
     * {@code SUBSTR(s, start, length)} and {@code SUBSTRING}, as Flink: 1-based start, 0 counts as 1,
     * a negative start counts from the end (empty if before the start); null for a negative length.
     */
    public static String substr(String s, int start, int length) {
        if (length < 0) {
            return null;
        }
        int len = s.length();
        int from = start > 0 ? start - 1 : start == 0 ? 0 : len + start;
        if (from >= len || from < 0) {
            return "";
        }
        long to = Math.min((long) from + length, len);
        return s.substring(from, (int) to);
    }

    /** {@code STARTSWITH(s, prefix)}. */
    public static boolean startsWith(String s, String prefix) {
        return s.startsWith(prefix);
    }

    /** {@code ENDSWITH(s, suffix)}. */
    public static boolean endsWith(String s, String suffix) {
        return s.endsWith(suffix);
    }

    /** {@code BTRIM(s)}: leading and trailing spaces removed. */
    public static String btrim(String s) {
        return btrim(s, " ");
    }

    /** {@code BTRIM(s, chars)}: leading and trailing characters that occur in {@code chars} removed. */
    public static String btrim(String s, String chars) {
        int from = 0;
        int to = s.length();
        while (from < to && chars.indexOf(s.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && chars.indexOf(s.charAt(to - 1)) >= 0) {
            to--;
        }
        return s.substring(from, to);
    }

    /** {@code PARSE_URL(url, part)}: HOST, PATH, QUERY, REF, PROTOCOL, AUTHORITY, FILE or USERINFO. */
    public static String parseUrl(String url, String part) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
        switch (part) {
            case "HOST": return uri.getHost();
            case "PATH": return uri.getRawPath();
            case "QUERY": return uri.getRawQuery();
            case "REF": return uri.getRawFragment();
            case "PROTOCOL": return uri.getScheme();
            case "AUTHORITY": return uri.getRawAuthority();
            case "FILE": return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
            case "USERINFO": return uri.getRawUserInfo();
            default: return null;
        }
    }

    /** {@code PARSE_URL(url, 'QUERY', key)}: the value of {@code key} in the query string. */
    public static String parseUrl(String url, String part, String key) {
        if (!"QUERY".equals(part)) {
            return null;
        }
        String query = parseUrl(url, part);
        if (query == null) {
            return null;
        }
        Matcher m = Pattern.compile("(&|^)" + Pattern.quote(key) + "=([^&]*)").matcher(query);
        return m.find() ? m.group(2) : null;
    }

    /** {@code STR_TO_MAP(s)}: pairs split by ',' and key/value by '='. */
    public static Map<String, String> strToMap(String s) {
        return strToMap(s, ",", "=");
    }

    /** {@code STR_TO_MAP(s, pairDelimiter, keyValueDelimiter)}: both delimiters are regular expressions. */
    public static Map<String, String> strToMap(String s, String pairDelimiter, String kvDelimiter) {
        Map<String, String> map = new LinkedHashMap<>();
        if (s.isEmpty()) {
            return map;
        }
        for (String pair : s.split(pairDelimiter, -1)) {
            String[] kv = pair.split(kvDelimiter, 2);
            map.put(kv[0], kv.length > 1 ? kv[1] : null);
        }
        return map;
    }

    /** {@code JSON_QUOTE(s)}: s as a JSON string literal. */
    public static String jsonQuote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '/': b.append("\\/"); break;
                case '\b': b.append("\\b"); break;
                case '\f': b.append("\\f"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"').toString();
    }

    /** {@code JSON_UNQUOTE(s)}: the content of a JSON string literal; anything else unchanged. */
    public static String jsonUnquote(String s) {
        if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                return s;
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (++i >= s.length() - 1) {
                return s;
            }
            char e = s.charAt(i);
            switch (e) {
                case '"': case '\\': case '/': b.append(e); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'n': b.append('\n'); break;
                case 'r': b.append('\r'); break;
                case 't': b.append('\t'); break;
                case 'u':
                    if (i + 4 >= s.length()) {
                        return s;
                    }
                    try {
                        b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    } catch (NumberFormatException ex) {
                        return s;
                    }
                    i += 4;
                    break;
                default: return s;
            }
        }
        return b.toString();
    }

    /** {@code URL_ENCODE(s)}: application/x-www-form-urlencoded, UTF-8. */
    public static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** {@code URL_DECODE(s)}: null for an illegal escape. */
    public static String urlDecode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code PRINTF(format, args...)}: java.util.Formatter with Locale.US; null if the format is null or bad. */
    public static String printf(String format, Object[] args) {
        if (format == null) {
            return null;
        }
        try {
            return String.format(Locale.US, format, args);
        } catch (IllegalFormatException e) {
            return null;
        }
    }

    /** {@code ELT(index, e1, e2, ...)}: the index-th (1-based) expression; null if out of range. */
    public static Object elt(Long index, Object[] values) {
        if (index == null || index < 1 || index > values.length) {
            return null;
        }
        return values[(int) (index - 1)];
    }

    /** {@code IS_ALPHA(s)}: true if every character is a letter; false for null or empty. */
    public static boolean isAlpha(String s) {
        return s != null && !s.isEmpty() && s.chars().allMatch(Character::isLetter);
    }

    /** {@code IS_DIGIT(s)}: true if every character is a digit; false for null or empty. */
    public static boolean isDigit(String s) {
        return s != null && !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    /** {@code IS_DECIMAL(s)}: true if s parses as a number; false for null or empty. */
    public static boolean isDecimal(String s) {
        if (s == null || s.isBlank()) {
            return false;
        }
        try {
            new BigDecimal(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** {@code CONVERT_TZ(text, fromZone, toZone)}: 'yyyy-MM-dd HH:mm:ss' text moved between zones. */
    public static String convertTz(String text, String from, String to) {
        try {
            LocalDateTime local = LocalDateTime.parse(text, CONVERT_TZ_FORMAT);
            return local.atZone(ZoneId.of(from, ZoneId.SHORT_IDS)).withZoneSameInstant(ZoneId.of(to, ZoneId.SHORT_IDS))
                .toLocalDateTime().format(CONVERT_TZ_FORMAT);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * {@code CAST(x AS DECIMAL(p, s))} from a number or a string, as Flink: rounded half-up to the
     * scale; a value that then needs more than p digits is an error.
     */
    public static BigDecimal toDecimal(Object value, int precision, int scale) {
        BigDecimal d;
        if (value instanceof BigDecimal) {
            d = (BigDecimal) value;
        } else if (value instanceof Double || value instanceof Float) {
            d = BigDecimal.valueOf(((Number) value).doubleValue());
        } else if (value instanceof Number) {
            d = BigDecimal.valueOf(((Number) value).longValue());
        } else {
            d = new BigDecimal(value.toString().trim());
        }
        BigDecimal r = d.setScale(scale, RoundingMode.HALF_UP);
        if (r.precision() > precision) {
            throw new ArithmeticException("Value " + d.toPlainString() + " cannot be represented as a DECIMAL("
                + precision + ", " + scale + ")");
        }
        return r;
    }

    // ---- regular expressions ---------------------------------------------------------------

    /** {@code REGEXP_COUNT(s, regex)}: the number of matches; null if the regex is invalid. */
    public static Integer regexpCount(String s, String regex) {
        Pattern p = FlinkFunctions.regex(regex);
        if (p == null) {
            return null;
        }
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** {@code REGEXP_INSTR(s, regex)}: 1-based start of the first match, 0 if none; null if invalid. */
    public static Integer regexpInstr(String s, String regex) {
        Pattern p = FlinkFunctions.regex(regex);
        if (p == null) {
            return null;
        }
        Matcher m = p.matcher(s);
        return m.find() ? m.start() + 1 : 0;
    }

    /** {@code REGEXP_SUBSTR(s, regex)}: the first match; null if none or invalid. */
    public static String regexpSubstr(String s, String regex) {
        Pattern p = FlinkFunctions.regex(regex);
        if (p == null) {
            return null;
        }
        Matcher m = p.matcher(s);
        return m.find() ? m.group() : null;
    }

    /** {@code REGEXP_EXTRACT_ALL(s, regex)}: group 1 of every match. */
    public static List<String> regexpExtractAll(String s, String regex) {
        return regexpExtractAll(s, regex, 1);
    }

    /** {@code REGEXP_EXTRACT_ALL(s, regex, group)}: the group of every match; null if invalid. */
    public static List<String> regexpExtractAll(String s, String regex, long group) {
        Pattern p = FlinkFunctions.regex(regex);
        if (p == null) {
            return null;
        }
        Matcher m = p.matcher(s);
        if (group < 0 || group > m.groupCount()) {
            return null;
        }
        List<String> all = new ArrayList<>();
        while (m.find()) {
            all.add(m.group((int) group));
        }
        return all;
    }

    // ---- math ------------------------------------------------------------------------------

    /** {@code LOG(x)}: the natural logarithm. */
    public static double log(double x) {
        return Math.log(x);
    }

    /** {@code LOG(base, x)}: the logarithm of x to {@code base}. */
    public static double log(double base, double x) {
        return Math.log(x) / Math.log(base);
    }

    /** {@code LOG2(x)}. */
    public static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** {@code LOG10(x)}: Java's exact {@code Math.log10} (Calcite's divides logarithms). */
    public static double log10(double x) {
        return Math.log10(x);
    }

    /** {@code ROUND(decimal, n)}: half-up to n places, then at the result type's scale. */
    public static BigDecimal round(BigDecimal x, int n, int resultScale) {
        return x.setScale(n, RoundingMode.HALF_UP).setScale(resultScale, RoundingMode.HALF_UP);
    }

    /** {@code TRUNCATE(decimal, n)}: towards zero to n places, then at the result type's scale. */
    public static BigDecimal truncate(BigDecimal x, int n, int resultScale) {
        return x.setScale(n, RoundingMode.DOWN).setScale(resultScale, RoundingMode.DOWN);
    }

    /** {@code ROUND(double, n)}, half-up as Flink. */
    public static double round(double x, int n) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        return BigDecimal.valueOf(x).setScale(n, RoundingMode.HALF_UP).doubleValue();
    }

    /** {@code TRUNCATE(double, n)}. */
    public static double truncate(double x, int n) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        return BigDecimal.valueOf(x).setScale(n, RoundingMode.DOWN).doubleValue();
    }

    /** {@code ROUND(integer, n)}: unchanged for n >= 0, half-up to a multiple of 10^-n otherwise. */
    public static long round(long x, int n) {
        return n >= 0 ? x : BigDecimal.valueOf(x).setScale(n, RoundingMode.HALF_UP).longValue();
    }

    /** {@code TRUNCATE(integer, n)}. */
    public static long truncate(long x, int n) {
        return n >= 0 ? x : BigDecimal.valueOf(x).setScale(n, RoundingMode.DOWN).longValue();
    }

    // ---- collections -----------------------------------------------------------------------

    /** {@code ARRAY_CONTAINS(array, value)} (boxed: a NULL element or value compares as equal to NULL). */
    public static Boolean arrayContains(List<?> array, Object value) {
        if (array == null) {
            return null;
        }
        return array.contains(value);
    }

    /** {@code ARRAY_DISTINCT(array)}: first occurrences, in order. */
    public static List<Object> arrayDistinct(List<?> array) {
        return new ArrayList<>(new LinkedHashSet<>(array));
    }

    /** {@code ARRAY_REVERSE(array)}. */
    public static List<Object> arrayReverse(List<?> array) {
        List<Object> r = new ArrayList<>(array);
        java.util.Collections.reverse(r);
        return r;
    }

    /** {@code ARRAY_JOIN(array, delimiter)}: NULL elements are skipped. */
    public static String arrayJoin(List<?> array, String delimiter) {
        return arrayJoin(array, delimiter, null);
    }

    /** {@code ARRAY_JOIN(array, delimiter, nullReplacement)}. */
    public static String arrayJoin(List<?> array, String delimiter, String nullReplacement) {
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (Object o : array) {
            if (o == null && nullReplacement == null) {
                continue;
            }
            if (!first) {
                b.append(delimiter);
            }
            b.append(o == null ? nullReplacement : o.toString());
            first = false;
        }
        return b.toString();
    }

    /** {@code MAP_KEYS(map)}. */
    public static List<Object> mapKeys(Map<?, ?> map) {
        return new ArrayList<>(map.keySet());
    }

    /** {@code MAP_VALUES(map)}. */
    public static List<Object> mapValues(Map<?, ?> map) {
        return new ArrayList<>(map.values());
    }
}
