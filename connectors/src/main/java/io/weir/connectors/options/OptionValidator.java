package io.weir.connectors.options;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.config.Configuration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the {@code WITH (...)} options of one table against what a connector or format accepts:
 * a missing required option, an unknown option, or a value that does not parse is an
 * {@link ValidationException} naming the table, the option and the valid choices.
 *
 * <p>Dynamic keys such as datagen's {@code fields.<name>.kind} are accepted through prefixes;
 * the owner validates their values itself.
 */
public final class OptionValidator {
    private final String tableName;
    private final String what;
    private final List<ConfigOption<?>> required = new ArrayList<>();
    private final List<ConfigOption<?>> optional = new ArrayList<>();
    private final List<String> prefixes = new ArrayList<>();
    private final Set<String> extraKeys = new TreeSet<>();

    /**
     * @param tableName the table whose options are checked, for messages
     * @param what      what the options belong to, for messages, e.g. {@code connector 'datagen'}
     */
    public OptionValidator(String tableName, String what) {
        this.tableName = tableName;
        this.what = what;
    }

    public OptionValidator required(Collection<? extends ConfigOption<?>> options) {
        required.addAll(options);
        return this;
    }

    public OptionValidator optional(Collection<? extends ConfigOption<?>> options) {
        optional.addAll(options);
        return this;
    }

    /** Accepts any key starting with {@code prefix}; its owner checks the rest. */
    public OptionValidator prefix(String prefix) {
        prefixes.add(prefix);
        return this;
    }

    /** Accepts these keys without checking their values (e.g. 'connector', 'format'). */
    public OptionValidator keys(String... keys) {
        extraKeys.addAll(List.of(keys));
        return this;
    }

    /** Validates and returns the options as a {@link Configuration}. */
    public Configuration validate(Map<String, String> options) {
        Set<String> known = knownKeys();
        for (String key : new TreeSet<>(options.keySet())) {
            if (!known.contains(key) && prefixes.stream().noneMatch(key::startsWith)) {
                throw new ValidationException(String.format(
                    "Table '%s': unsupported option '%s' for %s. Supported options: %s%s",
                    tableName, key, what, known, prefixes.isEmpty() ? "" : " and keys starting with " + prefixes));
            }
        }
        for (ConfigOption<?> option : required) {
            if (!options.containsKey(option.key())) {
                throw new ValidationException(String.format(
                    "Table '%s': missing required option '%s' for %s. Required options: %s",
                    tableName, option.key(), what, keysOf(required)));
            }
        }
        Configuration config = new Configuration(options);
        List<ConfigOption<?>> all = new ArrayList<>(required);
        all.addAll(optional);
        for (ConfigOption<?> option : all) {
            try {
                config.getOptional(option);
            } catch (IllegalArgumentException e) {
                throw new ValidationException("Table '" + tableName + "': " + e.getMessage(), e);
            }
        }
        return config;
    }

    /** A value error for an option of this table, naming the option and the valid choices. */
    public ValidationException badValue(String key, String value, String validChoices) {
        return new ValidationException(String.format(
            "Table '%s': invalid value '%s' for option '%s' of %s. Valid values: %s",
            tableName, value, key, what, validChoices));
    }

    private Set<String> knownKeys() {
        Set<String> keys = new TreeSet<>(extraKeys);
        keys.addAll(keysOf(required));
        keys.addAll(keysOf(optional));
        return keys;
    }

    private static List<String> keysOf(List<ConfigOption<?>> options) {
        List<String> keys = new ArrayList<>();
        for (ConfigOption<?> o : options) {
            keys.add(o.key());
        }
        return keys;
    }
}
