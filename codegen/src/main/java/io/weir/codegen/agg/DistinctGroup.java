package io.weir.codegen.agg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The DISTINCT calls of one aggregation over the same argument list (e.g. {@code COUNT(DISTINCT
 * bidder)} with and without several FILTERs): they share one distinct map, whose value per distinct
 * key holds one count per call, so that a row costs one map read and write for the whole group.
 * Calls join a group only if they also skip rows alike on NULL arguments (LISTAGG with a separator
 * checks only its first argument).
 */
final class DistinctGroup {
    final int index;
    final List<Integer> args;
    final boolean firstArgOnlyNullCheck;
    final List<AggCallCode> calls = new ArrayList<>();

    private DistinctGroup(int index, List<Integer> args, boolean firstArgOnlyNullCheck) {
        this.index = index;
        this.args = args;
        this.firstArgOnlyNullCheck = firstArgOnlyNullCheck;
    }

    /** The distinct groups of {@code codes}, in order of their first call. */
    static List<DistinctGroup> of(List<AggCallCode> codes) {
        Map<List<Object>, DistinctGroup> groups = new LinkedHashMap<>();
        for (AggCallCode c : codes) {
            if (!c.call.isDistinct()) {
                continue;
            }
            List<Integer> args = c.call.getArgList();
            boolean firstOnly = c.separatorField() != null;
            DistinctGroup g = groups.computeIfAbsent(List.of(args, firstOnly),
                k -> new DistinctGroup(groups.size(), args, firstOnly));
            g.calls.add(c);
        }
        return List.copyOf(groups.values());
    }

    /** The position of {@code code}'s count in this group's counts arrays. */
    int slot(AggCallCode code) {
        int i = calls.indexOf(code);
        if (i < 0) {
            throw new IllegalArgumentException(Objects.toString(code.call) + " is not in distinct group " + index);
        }
        return i;
    }
}
