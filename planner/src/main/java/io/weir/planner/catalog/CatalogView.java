package io.weir.planner.catalog;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlNode;

/**
 * A view in the catalog: its query as parsed and as the user wrote it, the column names it
 * declared (empty when it takes the query's names) and its comment.
 *
 * <p>The query node is the parser's; callers that validate it must validate a copy (or re-parse
 * {@link #originalQuery()}), because Calcite's validator rewrites nodes in place.
 */
public record CatalogView(SqlNode query, String originalQuery, List<String> columnNames, String comment) {
    public CatalogView {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(originalQuery, "originalQuery");
        columnNames = List.copyOf(columnNames);
    }
}
