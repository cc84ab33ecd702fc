package io.weir.client.config;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.config.ConfigOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every configuration key a session accepts, gathered from the {@code XxxOptions} classes of the
 * modules. {@code SET}, {@code -D} and scripts go through {@link #validate}: an unknown key or a
 * bad value is an error that names the key, never silently ignored.
 */
public final class ConfigRegistry {
    private final Map<String, ConfigOption<?>> byKey = new TreeMap<>();
    private final Map<String, ConfigOption<?>> byFallbackKey = new TreeMap<>();
    private final Map<String, ConfigOption<?>> notYetSupported = new TreeMap<>();
    private final Map<String, String> defaultOnly = new TreeMap<>();

    public ConfigRegistry(Collection<ConfigOption<?>> options) {
        this(options, java.util.List.of());
    }

    /**
     * @param options the options that take effect
     * @param recognisedButUnsupported Flink options Weir knows but does not act on yet; setting one
     *     is an error saying so
     */
    public ConfigRegistry(Collection<ConfigOption<?>> options, Collection<ConfigOption<?>> recognisedButUnsupported) {
        for (ConfigOption<?> o : options) {
            byKey.put(o.key(), o);
            for (String k : o.fallbackKeys()) {
                byFallbackKey.put(k, o);
            }
        }
        for (ConfigOption<?> o : recognisedButUnsupported) {
            if (!byKey.containsKey(o.key())) {
                notYetSupported.put(o.key(), o);
                for (String k : o.fallbackKeys()) {
                    notYetSupported.put(k, o);
                }
            }
        }
    }

    /** The registry of all options Weir knows. */
    public static ConfigRegistry standard() {
        ConfigRegistry r = new ConfigRegistry(ConfigOptions.declaredIn(KnownOptions.holders()));
        KnownOptions.defaultOnly().forEach((o, reason) -> {
            r.defaultOnly.put(o.key(), reason);
            o.fallbackKeys().forEach(k -> r.defaultOnly.put(k, reason));
        });
        return r;
    }

    /**
     * Checks the settings that only make sense together (today: checkpointing and restart
     * strategies, with Flink's rules); throws {@link IllegalArgumentException} naming the keys.
     */
    public static void validateCombination(io.weir.checkpoint.config.Configuration c) {
        io.weir.checkpoint.coordinator.CheckpointConfig config = io.weir.checkpoint.coordinator.CheckpointConfig.fromConfiguration(c);
        io.weir.checkpoint.coordinator.restart.RestartStrategies.fromConfiguration(c, config.isCheckpointingEnabled(),
            new java.util.Random());
    }

    public Collection<ConfigOption<?>> options() {
        return Collections.unmodifiableCollection(byKey.values());
    }

    /** The option for a key or one of its older names, or null. */
    public ConfigOption<?> find(String key) {
        ConfigOption<?> o = byKey.get(key);
        return o != null ? o : byFallbackKey.get(key);
    }

    /** Checks that the key is known and the value parses; throws with a readable message if not. */
    public void validate(String key, String value) {
        ConfigOption<?> option = find(key);
        ConfigOption<?> unsupported = notYetSupported.get(key);
        if (option == null && unsupported != null) {
            unsupported.parse(value);
            throw new IllegalArgumentException("not supported yet: '" + key + "' is a known option, but Weir does not act on it yet");
        }
        if (option == null) {
            String suggestion = closestKey(key);
            throw new IllegalArgumentException("Unknown configuration key '" + key + "'."
                + (suggestion == null ? "" : " Did you mean '" + suggestion + "'?")
                + " Run SET; to list the known keys with their values.");
        }
        Object parsed = option.parse(value);
        String reason = defaultOnly.get(key);
        if (reason != null && !java.util.Objects.equals(parsed, option.defaultValue())) {
            throw new IllegalArgumentException("not supported yet: '" + key + "' = '" + value + "': " + reason
                + " (only the default" + (option.defaultValue() == null ? ", unset," : " '" + option.defaultValue() + "'")
                + " is accepted)");
        }
    }

    /** The known key closest to {@code key} by edit distance, if it is close enough to be a typo. */
    public String closestKey(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        List<String> keys = new ArrayList<>(byKey.keySet());
        keys.addAll(byFallbackKey.keySet());
        for (String k : keys) {
            int d = editDistance(key, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= Math.max(3, key.length() / 3) ? best : null;
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
