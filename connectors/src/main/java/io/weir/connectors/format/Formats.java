package io.weir.connectors.format;

import io.weir.connectors.options.ValidationException;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Looks up {@link FormatFactory}s by their identifier through {@link ServiceLoader}. */
public final class Formats {
    private Formats() {
    }

    /** All formats on the class path, by identifier. */
    public static Map<String, FormatFactory> all() {
        Map<String, FormatFactory> byId = new TreeMap<>();
        for (FormatFactory f : ServiceLoader.load(FormatFactory.class, Formats.class.getClassLoader())) {
            byId.put(f.identifier(), f);
        }
        return byId;
    }

    /** The format named {@code identifier}, or an error for {@code tableName} listing the known formats. */
    public static FormatFactory find(String tableName, String identifier) {
        Map<String, FormatFactory> all = all();
        FormatFactory f = all.get(identifier);
        if (f == null) {
            throw new ValidationException(String.format(
                "Table '%s': unknown format '%s' for option 'format'. Available formats: %s",
                tableName, identifier, all.keySet()));
        }
        return f;
    }
}
