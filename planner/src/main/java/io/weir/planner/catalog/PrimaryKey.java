package io.weir.planner.catalog;

import java.util.List;
import java.util.Objects;

/** A {@code PRIMARY KEY (columns) NOT ENFORCED} constraint with its name ({@code PK_a_b} when unnamed). */
public record PrimaryKey(String name, List<String> columns) {
    public PrimaryKey {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }

    /** The name Weir gives an unnamed key. */
    public static String defaultName(List<String> columns) {
        return "PK_" + String.join("_", columns);
    }
}
