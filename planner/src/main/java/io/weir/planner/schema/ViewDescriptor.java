package io.weir.planner.schema;

import java.util.List;

/**
 * A view: its name and its query text, expanded in place wherever the view is used.
 *
 * @param path the fully qualified name
 * @param query the view's {@code SELECT}, as the user wrote it
 */
public record ViewDescriptor(List<String> path, String query) implements CatalogObject {
    public ViewDescriptor {
        path = List.copyOf(path);
    }
}
