package io.weir.runtime.connector;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.config.ConfigOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Finds factories through {@link ServiceLoader} and validates a table's options against a factory. */
public final class FactoryUtil {
    /** Selects the table factory. */
    public static final ConfigOption<String> CONNECTOR = ConfigOptions.key("connector").stringType(null)
        .withDescription("The connector of a table, e.g. 'datagen', 'filesystem', 'print'.");
    /** Selects the format factory of connectors that read or write bytes. */
    public static final ConfigOption<String> FORMAT = ConfigOptions.key("format").stringType(null)
        .withDescription("The format of a table, e.g. 'json', 'csv', 'avro'.");

    private FactoryUtil() {
    }

    /**
     * The factory of type {@code type} whose identifier is {@code identifier}.
     *
     * @throws ValidationException naming the table, the option and the available identifiers when
     *     none or more than one matches
     */
    public static <T extends Factory> T discoverFactory(ClassLoader classLoader, Class<T> type, String identifier,
                                                       String optionKey, String tableName) {
        List<T> all = new ArrayList<>();
        ServiceLoader.load(type, classLoader).forEach(all::add);
        List<T> matching = all.stream().filter(f -> f.identifier().equals(identifier)).collect(Collectors.toList());
        if (matching.size() == 1) {
            return matching.get(0);
        }
        Set<String> available = all.stream().map(Factory::identifier).collect(Collectors.toCollection(TreeSet::new));
        if (matching.isEmpty()) {
            throw new ValidationException("Table '" + tableName + "': could not find any factory for '" + optionKey
                + "' = '" + identifier + "' of kind " + type.getSimpleName() + ". Available: " + available);
        }
        throw new ValidationException("Table '" + tableName + "': several factories for '" + optionKey + "' = '"
            + identifier + "': " + matching.stream().map(f -> f.getClass().getName()).collect(Collectors.toList()));
    }

    /** The table factory of type {@code type} selected by the table's {@code 'connector'} option. */
    public static <T extends Factory> T discoverTableFactory(Class<T> type, TableContext table) {
        String id = table.options().get(CONNECTOR.key());
        if (id == null) {
            throw new ValidationException("Table '" + table.tableName() + "': missing required option 'connector'");
        }
        return discoverFactory(Thread.currentThread().getContextClassLoader(), type, id, CONNECTOR.key(), table.tableName());
    }

    /**
     * Checks a table's options against {@code factory}: every required option is set, every key
     * is known (declared by the factory, under one of its prefixes, in {@code extraAllowedKeys},
     * or {@code 'connector'}), and every value parses. Errors name the table, the option and the
     * valid options or values.
     */
    public static void validateOptions(Factory factory, TableContext table, Collection<String> extraAllowedKeys) {
        validateOptions(factory, table.tableName(), table.options(), extraAllowedKeys);
    }

    public static void validateOptions(Factory factory, String tableName, Map<String, String> options,
                                       Collection<String> extraAllowedKeys) {
        Set<String> known = new TreeSet<>(extraAllowedKeys);
        known.add(CONNECTOR.key());
        for (ConfigOption<?> o : factory.requiredOptions()) {
            known.add(o.key());
            if (!options.containsKey(o.key())) {
                throw new ValidationException("Table '" + tableName + "': missing required option '" + o.key()
                    + "' for connector '" + factory.identifier() + "'. Required options: " + keys(factory.requiredOptions()));
            }
        }
        for (ConfigOption<?> o : factory.optionalOptions()) {
            known.add(o.key());
        }
        for (String key : options.keySet()) {
            if (!known.contains(key) && factory.optionalOptionPrefixes().stream().noneMatch(key::startsWith)) {
                throw new ValidationException("Table '" + tableName + "': unsupported option '" + key + "' for '"
                    + factory.identifier() + "'. Supported options: " + known
                    + (factory.optionalOptionPrefixes().isEmpty() ? "" : " and keys starting with " + factory.optionalOptionPrefixes()));
            }
        }
        checkValues(factory.requiredOptions(), tableName, options);
        checkValues(factory.optionalOptions(), tableName, options);
    }

    private static void checkValues(Set<ConfigOption<?>> declared, String tableName, Map<String, String> options) {
        for (ConfigOption<?> o : declared) {
            String raw = options.get(o.key());
            if (raw == null) {
                continue;
            }
            try {
                o.parse(raw);
            } catch (IllegalArgumentException e) {
                String choices = o.type().isEnum() ? " Valid values: " + Arrays.toString(o.type().getEnumConstants()) : "";
                throw new ValidationException("Table '" + tableName + "': " + e.getMessage() + "." + choices, e);
            }
        }
    }

    private static Set<String> keys(Set<ConfigOption<?>> options) {
        return options.stream().map(ConfigOption::key).collect(Collectors.toCollection(TreeSet::new));
    }
}
