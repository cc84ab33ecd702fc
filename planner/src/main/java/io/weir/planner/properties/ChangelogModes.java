package io.weir.planner.properties;

import io.weir.runtime.connector.ChangelogMode;
import io.weir.runtime.data.RowKind;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Helpers over the runtime's {@link ChangelogMode}, and Flink's EXPLAIN spelling of it. */
public final class ChangelogModes {
    private ChangelogModes() {
    }

    /** {@code I,UB,UA,D} (Flink's spelling), in row-kind order. */
    public static String explain(ChangelogMode mode) {
        StringBuilder sb = new StringBuilder();
        for (RowKind k : RowKind.values()) {
            if (mode.contains(k)) {
                sb.append(sb.length() > 0 ? "," : "").append(shortName(k));
            }
        }
        return sb.toString();
    }

    private static String shortName(RowKind k) {
        switch (k) {
            case INSERT: return "I";
            case UPDATE_BEFORE: return "UB";
            case UPDATE_AFTER: return "UA";
            default: return "D";
        }
    }

    /** True if the stream holds anything but inserts. */
    public static boolean isUpdating(ChangelogMode mode) {
        return !mode.isInsertOnly();
    }

    /** Every kind of every input. */
    public static ChangelogMode union(List<ChangelogMode> modes) {
        Set<RowKind> kinds = EnumSet.noneOf(RowKind.class);
        for (ChangelogMode m : modes) {
            kinds.addAll(m.kinds());
        }
        return of(kinds);
    }

    public static ChangelogMode of(Set<RowKind> kinds) {
        RowKind[] rest = kinds.stream().skip(1).toArray(RowKind[]::new);
        return ChangelogMode.of(kinds.iterator().next(), rest);
    }

    /**
     * Refuses an input that updates without {@code -U} rows (an upsert stream) for a node that must
     * retract old rows by value.
     */
    public static void checkRetracting(ChangelogMode input, org.apache.calcite.rel.RelNode node) {
        if (input.contains(RowKind.UPDATE_AFTER) && !input.contains(RowKind.UPDATE_BEFORE)) {
            throw new io.weir.planner.ValidationException("not supported yet: " + io.weir.planner.explain.PlanPrinter
                .describe(node) + " over an upsert input (updates without UPDATE_BEFORE rows)");
        }
    }
}
