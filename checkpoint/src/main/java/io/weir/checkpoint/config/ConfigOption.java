package io.weir.checkpoint.config;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One typed configuration key with its default and documentation. Keys follow Flink's names
 * where Flink has the same concept, so that a user's settings carry over unchanged.
 *
 * <p>Options are declared as constants in one {@code XxxOptions} class per module and built with
 * {@link ConfigOptions}.
 *
 * @param <T> the value type
 */
public final class ConfigOption<T> {
    private final String key;
    private final Class<?> type;
    private final T defaultValue;
    private final String description;
    private final List<String> fallbackKeys;
    private final Function<String, T> parser;

    ConfigOption(String key, Class<?> type, T defaultValue, String description,
                 List<String> fallbackKeys, Function<String, T> parser) {
        this.key = Objects.requireNonNull(key, "key");
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
        this.fallbackKeys = List.copyOf(fallbackKeys);
        this.parser = parser;
    }

    public String key() { return key; }
    public Class<?> type() { return type; }
    public T defaultValue() { return defaultValue; }
    public boolean hasDefaultValue() { return defaultValue != null; }
    public String description() { return description; }

    /** Older names that are still read when the key itself is not set (e.g. {@code execution.savepoint.path}). */
    public List<String> fallbackKeys() { return fallbackKeys; }

    /** Parses a string value; throws {@link IllegalArgumentException} naming the key on a bad value. */
    public T parse(String raw) {
        try {
            return parser.apply(raw.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value '" + raw + "' for option '" + key + "': " + e.getMessage(), e);
        }
    }

    /** A copy with another default value. */
    public ConfigOption<T> withDefault(T newDefault) {
        return new ConfigOption<>(key, type, newDefault, description, fallbackKeys, parser);
    }

    /** A copy that also reads the given older keys. */
    public ConfigOption<T> withFallbackKeys(String... keys) {
        return new ConfigOption<>(key, type, defaultValue, description, List.of(keys), parser);
    }

    /** A copy with documentation. */
    public ConfigOption<T> withDescription(String text) {
        return new ConfigOption<>(key, type, defaultValue, text, fallbackKeys, parser);
    }

    @Override
    public String toString() {
        return key;
    }
}
