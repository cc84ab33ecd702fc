package io.weir.checkpoint.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builders for {@link ConfigOption}s and the value syntax they accept, which is Flink's:
 * durations like {@code 10 s}, {@code 500ms}, {@code 1 min} (a bare number is milliseconds),
 * memory sizes like {@code 64mb}, {@code 1 gb} (a bare number is bytes), booleans, numbers and
 * enum constants (case-insensitive).
 */
public final class ConfigOptions {
    private static final Pattern AMOUNT_UNIT = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)");

    private ConfigOptions() {
    }

    /** Starts an option with the given key. */
    public static Builder key(String key) {
        return new Builder(key);
    }

    /** Chooses the value type of an option. */
    public static final class Builder {
        private final String key;

        private Builder(String key) {
            this.key = key;
        }

        public ConfigOption<String> stringType(String defaultValue) {
            return new ConfigOption<>(key, String.class, defaultValue, "", List.of(), s -> s);
        }

        public ConfigOption<Boolean> booleanType(Boolean defaultValue) {
            return new ConfigOption<>(key, Boolean.class, defaultValue, "", List.of(), ConfigOptions::parseBoolean);
        }

        public ConfigOption<Integer> intType(Integer defaultValue) {
            return new ConfigOption<>(key, Integer.class, defaultValue, "", List.of(), s -> parseNumber(s, Integer::valueOf));
        }

        public ConfigOption<Long> longType(Long defaultValue) {
            return new ConfigOption<>(key, Long.class, defaultValue, "", List.of(), s -> parseNumber(s, Long::valueOf));
        }

        public ConfigOption<Double> doubleType(Double defaultValue) {
            return new ConfigOption<>(key, Double.class, defaultValue, "", List.of(), s -> parseNumber(s, Double::valueOf));
        }

        public ConfigOption<Duration> durationType(Duration defaultValue) {
            return new ConfigOption<>(key, Duration.class, defaultValue, "", List.of(), ConfigOptions::parseDuration);
        }

        /** A size in bytes. */
        public ConfigOption<Long> memoryType(Long defaultBytes) {
            return new ConfigOption<>(key, MemorySizeTag.class, defaultBytes, "", List.of(), ConfigOptions::parseMemorySize);
        }

        public <E extends Enum<E>> ConfigOption<E> enumType(Class<E> type, E defaultValue) {
            return new ConfigOption<>(key, type, defaultValue, "", List.of(), s -> parseEnum(type, s));
        }
    }

    /** Marks memory-size options (values are bytes, written like {@code 64mb}). */
    public static final class MemorySizeTag {
        private MemorySizeTag() {
        }
    }

    private static <N> N parseNumber(String s, java.util.function.Function<String, N> f) {
        try {
            return f.apply(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number");
        }
    }

    static Boolean parseBoolean(String s) {
        if (s.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (s.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("expected true or false");
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String s) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s) || e.name().replace('_', '-').equalsIgnoreCase(s)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
        }
        throw new IllegalArgumentException("expected one of " + names);
    }

    /** Parses Flink's duration syntax; a bare number is milliseconds. */
    public static Duration parseDuration(String s) {
        String text = s.trim();
        if (text.toUpperCase(Locale.ROOT).startsWith("PT") || text.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return Duration.parse(text);
            } catch (RuntimeException ignored) {
                // fall through to Flink's syntax
            }
        }
        Matcher m = AMOUNT_UNIT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration such as '10 s', '500 ms' or '1 min'");
        }
        long amount;
        try {
            amount = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a duration takes a whole number, e.g. '1500 ms'");
        }
        if (amount < 0) {
            throw new IllegalArgumentException("a duration cannot be negative");
        }
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "": case "ms": case "milli": case "millis": case "millisecond": case "milliseconds":
                return Duration.ofMillis(amount);
            case "ns": case "nano": case "nanos": case "nanosecond": case "nanoseconds":
                return Duration.ofNanos(amount);
            case "us": case "µs": case "micro": case "micros": case "microsecond": case "microseconds":
                return Duration.ofNanos(amount * 1000);
            case "s": case "sec": case "secs": case "second": case "seconds":
                return Duration.ofSeconds(amount);
            case "m": case "min": case "mins": case "minute": case "minutes":
                return Duration.ofMinutes(amount);
            case "h": case "hour": case "hours":
                return Duration.ofHours(amount);
            case "d": case "day": case "days":
                return Duration.ofDays(amount);
            default:
                throw new IllegalArgumentException("unknown time unit '" + m.group(2) + "' (use ms, s, min, h or d)");
        }
    }

    /** Parses Flink's memory-size syntax ({@code 64mb}, {@code 1 gb}, {@code 4096}); returns bytes. */
    public static Long parseMemorySize(String s) {
        Matcher m = AMOUNT_UNIT.matcher(s.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a memory size such as '64 mb' or '1 gb'");
        }
        double amount = Double.parseDouble(m.group(1));
        if (amount < 0) {
            throw new IllegalArgumentException("a memory size cannot be negative");
        }
        long factor;
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "": case "b": case "bytes": factor = 1; break;
            case "k": case "kb": case "kib": case "kibibytes": factor = 1L << 10; break;
            case "m": case "mb": case "mib": case "mebibytes": factor = 1L << 20; break;
            case "g": case "gb": case "gib": case "gibibytes": factor = 1L << 30; break;
            case "t": case "tb": case "tib": case "tebibytes": factor = 1L << 40; break;
            default:
                throw new IllegalArgumentException("unknown memory unit '" + m.group(2) + "' (use b, kb, mb, gb or tb)");
        }
        return (long) (amount * factor);
    }

    /** The {@code public static final ConfigOption} constants declared by the given holder classes. */
    public static List<ConfigOption<?>> declaredIn(Class<?>... holders) {
        List<ConfigOption<?>> options = new ArrayList<>();
        for (Class<?> holder : holders) {
            for (Field f : holder.getFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) && ConfigOption.class.isAssignableFrom(f.getType())) {
                    try {
                        options.add((ConfigOption<?>) f.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return options;
    }
}
