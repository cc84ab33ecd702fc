package io.weir.checkpoint.config;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * String key-value settings, read through typed {@link ConfigOption}s. Values are kept as the
 * user wrote them and parsed on read, so {@code SET} shows them unchanged.
 *
 * <p>Which keys are known is decided by the layer that accepts user input (the client checks
 * keys against the registered options); this class only stores and parses.
 */
public final class Configuration {
    private final TreeMap<String, String> values = new TreeMap<>();

    public Configuration() {
    }

    public Configuration(Map<String, String> initial) {
        values.putAll(initial);
    }

    public Configuration copy() {
        return new Configuration(values);
    }

    /** The value of {@code option}: the key, else a fallback key, else the default. */
    public <T> T get(ConfigOption<T> option) {
        return getOptional(option).orElse(option.defaultValue());
    }

    /** The value of {@code option} if the key or one of its fallback keys is set. */
    public <T> Optional<T> getOptional(ConfigOption<T> option) {
        String raw = values.get(option.key());
        if (raw == null) {
            for (String k : option.fallbackKeys()) {
                raw = values.get(k);
                if (raw != null) {
                    break;
                }
            }
        }
        return raw == null ? Optional.empty() : Optional.of(option.parse(raw));
    }

    public boolean contains(ConfigOption<?> option) {
        if (values.containsKey(option.key())) {
            return true;
        }
        for (String k : option.fallbackKeys()) {
            if (values.containsKey(k)) {
                return true;
            }
        }
        return false;
    }

    public <T> Configuration set(ConfigOption<T> option, T value) {
        values.put(option.key(), String.valueOf(value));
        return this;
    }

    /** Sets a raw string value; callers validate the key first. */
    public Configuration setString(String key, String value) {
        values.put(key, value);
        return this;
    }

    public String getString(String key) {
        return values.get(key);
    }

    public Configuration remove(String key) {
        values.remove(key);
        return this;
    }

    public void clear() {
        values.clear();
    }

    /** All explicitly set keys and their raw values, sorted by key. */
    public Map<String, String> toMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
