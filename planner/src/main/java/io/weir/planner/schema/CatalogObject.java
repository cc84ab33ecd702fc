package io.weir.planner.schema;

import java.util.List;

/** A table or a view in the catalog, as the planner sees it. */
public sealed interface CatalogObject permits TableDescriptor, ViewDescriptor {
    /** The fully qualified name: catalog, database, object. */
    List<String> path();

    /** The name as Flink prints it: {@code catalog.database.name}. */
    default String qualifiedName() {
        return String.join(".", path());
    }
}
