package io.weir.planner.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table in the catalog: schema, partition keys, {@code WITH} options (in declaration order)
 * and comment. Immutable.
 */
public record CatalogTable(TableSchema schema, List<String> partitionKeys, Map<String, String> options, String comment) {
    public CatalogTable {
        Objects.requireNonNull(schema, "schema");
        partitionKeys = List.copyOf(partitionKeys);
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }
}
