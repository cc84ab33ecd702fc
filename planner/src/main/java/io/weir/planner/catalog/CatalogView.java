package io.weir.planner.catalog;

import io.weir.runtime.types.RowType;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlNode;

/**
 * A view in the catalog: its query as parsed and as the user wrote it, the column names it
 * declared (empty when it takes the query's names), its comment, and the row type the query
 * produced when the view was created (with the declared names applied).
 *
 * <p>The query node is a fresh parse that no validator has touched; callers that validate it
 * must validate a copy (or re-parse {@link #originalQuery()}), because Calcite's validator
 * rewrites nodes in place.
 */
public record CatalogView(SqlNode query, String originalQuery, List<String> columnNames, String comment,
                          RowType rowType) {
    public CatalogView {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(originalQuery, "originalQuery");
        Objects.requireNonNull(rowType, "rowType");
        columnNames = List.copyOf(columnNames);
    }
}
