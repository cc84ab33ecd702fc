package io.weir.connectors.format;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.config.Configuration;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.ValidationException;

import java.util.HashMap;
import java.util.Map;

/** Finds the {@link FormatFactory} of a table's {@code 'format'} option and checks its options. */
public final class Formats {
    private Formats() {
    }

    /** The format named {@code identifier}, or an error for {@code tableName} listing the known formats. */
    public static FormatFactory find(String tableName, String identifier) {
        if (identifier == null) {
            throw new ValidationException("Table '" + tableName + "': missing required option 'format'");
        }
        return FactoryUtil.discoverFactory(Formats.class.getClassLoader(), FormatFactory.class, identifier,
            FactoryUtil.FORMAT.key(), tableName);
    }

    /**
     * The options of {@code format} among the table's options (keys starting with the format's
     * identifier and a dot), with their values checked.
     */
    public static Configuration formatOptions(FormatFactory format, String tableName, Map<String, String> tableOptions) {
        String prefix = format.identifier() + ".";
        Map<String, String> own = new HashMap<>();
        tableOptions.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                own.put(k, v);
            }
        });
        Configuration config = new Configuration(own);
        for (ConfigOption<?> o : format.optionalOptions()) {
            try {
                config.get(o);
            } catch (IllegalArgumentException e) {
                throw new ValidationException("Table '" + tableName + "': " + e.getMessage(), e);
            }
        }
        return config;
    }
}
