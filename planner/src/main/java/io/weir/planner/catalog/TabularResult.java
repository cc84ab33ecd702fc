package io.weir.planner.catalog;

import java.util.List;

/** A small result table (e.g. DESCRIBE's) for the client to print: a header and rows of strings. */
public record TabularResult(List<String> header, List<List<String>> rows) {
    public TabularResult {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
