package io.weir.client;

import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import java.util.ArrayList;
import java.util.List;

/** Helpers for changelog streams as the client receives them. */
public final class Changelogs {
    private Changelogs() {
    }

    /**
     * Applies a changelog: {@code +I}/{@code +U} add a row, {@code -U}/{@code -D} remove one equal
     * row. Throws {@link IllegalStateException} when a retraction finds no such row, which means
     * the changelog is wrong.
     */
    public static List<Row> materialize(List<Row> changelog) {
        List<Row> rows = new ArrayList<>();
        for (Row r : changelog) {
            if (r.getKind().isAccumulate()) {
                rows.add(r.withKind(RowKind.INSERT));
                continue;
            }
            int at = -1;
            for (int i = rows.size() - 1; i >= 0; i--) {
                if (rows.get(i).fieldsEqual(r)) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                throw new IllegalStateException("the changelog retracts a row that is not in the result: " + r);
            }
            rows.remove(at);
        }
        return rows;
    }
}
