package io.weir.planner.catalog;

import io.weir.planner.types.TypeFormatter;
import java.util.List;
import java.util.Objects;

/** The fully qualified name of a catalog object: catalog, database, object name (case-sensitive). */
public record ObjectIdentifier(String catalog, String database, String name) {
    public ObjectIdentifier {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(name, "name");
    }

    public List<String> path() {
        return List.of(catalog, database, name);
    }

    /** {@code `catalog`.`database`.`name`}, as Flink prints names and Weir's parser reads them. */
    public String asSerializableString() {
        return TypeFormatter.quoteIdentifier(catalog) + "." + TypeFormatter.quoteIdentifier(database) + "."
            + TypeFormatter.quoteIdentifier(name);
    }

    @Override
    public String toString() {
        return asSerializableString();
    }
}
