package io.weir.benchmarks.nexmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Nexmark query files bundled under {@code nexmark/} on the classpath: q0..q22, issue 9's
 * {@code groupby_count} and {@code tumble_count}, and the two input DDLs ({@code ddl-gen.sql}
 * over the built-in generator, {@code ddl-json.sql} over NDJSON files).
 */
public final class NexmarkQueries {
    /** Every query the suite knows, in the order {@code --query all} runs them. */
    public static final List<String> ALL;

    static {
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= 22; i++) {
            names.add("q" + i);
        }
        names.add("groupby_count");
        names.add("tumble_count");
        ALL = List.copyOf(names);
    }

    private NexmarkQueries() {
    }

    /** The text of {@code nexmark/<name>.sql}; an error naming the valid queries if there is none. */
    public static String text(String name) {
        String path = "nexmark/" + name + ".sql";
        try (InputStream in = NexmarkQueries.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no Nexmark query '" + name + "'; valid: " + String.join(", ", ALL)
                    + ", all, gen-only");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** {@code text} with every {@code ${key}} replaced by its value. */
    public static String substitute(String text, java.util.Map<String, String> values) {
        String out = text;
        for (java.util.Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("${" + e.getKey() + "}", e.getValue());
        }
        return out;
    }
}
