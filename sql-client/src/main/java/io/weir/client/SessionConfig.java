package io.weir.client;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.config.Configuration;
import io.weir.client.config.ConfigRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A session's configuration: what {@code -D} and {@code SET} put there, checked against the known
 * keys. {@code RESET} goes back to what the session started with.
 */
final class SessionConfig {
    private final ConfigRegistry registry;
    private final Configuration initial;
    private final Configuration current;

    SessionConfig(ConfigRegistry registry, Configuration initial) {
        this.registry = registry;
        this.initial = initial.copy();
        this.current = initial.copy();
    }

    Configuration current() {
        return current;
    }

    /** {@code SET 'key' = 'value'}: the key must be known and the value valid. */
    void set(String key, String value) {
        try {
            registry.validate(key, value);
            Configuration next = current.copy();
            next.setString(key, value);
            ConfigRegistry.validateCombination(next);
        } catch (IllegalArgumentException e) {
            throw new StatementException(e.getMessage(), e);
        }
        current.setString(key, value);
    }

    /** {@code RESET 'key'}: back to the session's initial value (or the default). */
    void reset(String key) {
        if (registry.find(key) == null) {
            String suggestion = registry.closestKey(key);
            throw new StatementException("Unknown configuration key '" + key + "'."
                + (suggestion == null ? "" : " Did you mean '" + suggestion + "'?"));
        }
        String initialValue = initial.getString(key);
        if (initialValue == null) {
            current.remove(key);
        } else {
            current.setString(key, initialValue);
        }
    }

    /** {@code RESET}: everything back to the session's initial values. */
    void resetAll() {
        current.clear();
        for (Map.Entry<String, String> e : initial.toMap().entrySet()) {
            current.setString(e.getKey(), e.getValue());
        }
    }

    /**
     * The effective configuration as (key, value) rows: every key that is set, plus every known key
     * with a default, sorted by key.
     */
    List<List<String>> effective() {
        java.util.TreeMap<String, String> rows = new java.util.TreeMap<>();
        for (ConfigOption<?> o : registry.options()) {
            if (o.hasDefaultValue()) {
                rows.put(o.key(), displayDefault(o));
            }
        }
        rows.putAll(current.toMap());
        List<List<String>> out = new ArrayList<>();
        for (Map.Entry<String, String> e : rows.entrySet()) {
            out.add(List.of(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static String displayDefault(ConfigOption<?> o) {
        Object v = o.defaultValue();
        if (v instanceof java.time.Duration) {
            java.time.Duration d = (java.time.Duration) v;
            return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
        }
        return String.valueOf(v);
    }

    <T> T get(ConfigOption<T> option) {
        return current.get(option);
    }
}
