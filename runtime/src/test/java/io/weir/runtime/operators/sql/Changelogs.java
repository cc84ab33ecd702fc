package io.weir.runtime.operators.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Materializes changelogs and generates updating workloads, for comparing operator variants. */
final class Changelogs {
    private Changelogs() {
    }

    /**
     * Applies a changelog keyed by its first {@code keyArity} fields to a table and returns the
     * table ({@code key -> row text of the first {@code width} fields}), checking that every
     * retraction removes a row that is there.
     */
    static Map<String, String> materialize(List<Row> changelog, int keyArity, int width) {
        Map<String, String> table = new TreeMap<>();
        for (Row r : changelog) {
            String key = Arrays.asList(r.fields()).subList(0, keyArity).toString();
            String value = Arrays.asList(r.fields()).subList(0, width).toString();
            if (r.getKind() == RowKind.INSERT || r.getKind() == RowKind.UPDATE_AFTER) {
                table.put(key, value);
            } else {
                String removed = table.remove(key);
                assertTrue(removed != null, "retraction of a row that is not there: " + r);
                assertEquals(removed, value, "retraction does not match the row it retracts");
            }
        }
        return table;
    }

    /**
     * {@code n} rows over keys {@code k0..k4}: inserts, and deletes of earlier inserted rows
     * (when {@code withRetractions}), deterministic for a seed.
     */
    static List<Row> workload(long seed, int n, boolean withRetractions) {
        Random random = new Random(seed);
        List<Row> live = new ArrayList<>();
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (withRetractions && !live.isEmpty() && random.nextInt(3) == 0) {
                Row victim = live.remove(random.nextInt(live.size()));
                out.add(victim.withKind(RowKind.DELETE));
            } else {
                Row r = Row.ofKind(RowKind.INSERT, "k" + random.nextInt(5), (long) random.nextInt(20), (long) i);
                live.add(r);
                out.add(r);
            }
        }
        return out;
    }
}
