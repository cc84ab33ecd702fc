package io.weir.planner;

import io.weir.planner.exec.ExecGraph;
import io.weir.runtime.types.RowType;

import java.util.List;

/**
 * The result of planning one {@code SELECT}, {@code INSERT} or statement set.
 *
 * @param kind what was planned
 * @param resultType the rows the query produces (for a {@code SELECT}: what the client shows;
 *     for inserts: the first sink's input)
 * @param sinkTables the fully qualified target tables (empty for a {@code SELECT})
 * @param explain the optimized physical plan with changelog modes (EXPLAIN's text)
 * @param execGraph the job, as chains of operator specs with partitioned edges, stable uids and
 *     parallelism, ready to be turned into a runtime {@code JobGraph}
 */
public record PlannedQuery(Kind kind, RowType resultType, List<String> sinkTables, String explain,
                           ExecGraph execGraph) {

    /** What a planned statement was. */
    public enum Kind { SELECT, INSERT, STATEMENT_SET }
}
