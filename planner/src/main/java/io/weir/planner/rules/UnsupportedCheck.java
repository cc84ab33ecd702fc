package io.weir.planner.rules;

import io.weir.planner.ValidationException;
import io.weir.planner.logical.LogicalSink;
import io.weir.planner.logical.LogicalSourceScan;
import io.weir.planner.logical.LogicalWatermarkAssigner;
import io.weir.planner.logical.LogicalWindowAggregate;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Match;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.logical.LogicalValues;

/**
 * Refuses, before physical planning, the logical nodes Weir cannot run (yet), naming the
 * construct: "not supported yet: ..." for what a later issue adds, and
 * "not supported in streaming: ..." for what has no correct streaming answer.
 */
public final class UnsupportedCheck {
    private UnsupportedCheck() {
    }

    /** Throws {@link ValidationException} at the first unsupported node (top-down). */
    public static void check(RelNode rel) {
        RelNode node = rel.stripped();
        String problem = problem(node);
        if (problem != null) {
            throw new ValidationException(problem);
        }
        for (RelNode input : node.getInputs()) {
            check(input);
        }
    }

    private static String problem(RelNode node) {
        if (node instanceof Correlate) {
            return "not supported yet: correlated subqueries and LATERAL table functions in streaming queries";
        }
        if (node instanceof Join) {
            JoinRelType type = ((Join) node).getJoinType();
            if (type == JoinRelType.SEMI || type == JoinRelType.ANTI) {
                return "not supported yet: " + type + " joins (IN/EXISTS subqueries); rewrite as a join with a "
                    + "grouped (distinct) subquery";
            }
            return null;
        }
        if (node instanceof Window) {
            return "not supported yet: ROW_NUMBER/RANK/DENSE_RANK OVER (...) without an upper bound on the rank;"
                + " they are supported as Top-N, filtered by WHERE rn <= N (or BETWEEN a AND N)";
        }
        if (node instanceof Sort) {
            Sort sort = (Sort) node;
            if (sort.fetch != null || sort.offset != null) {
                return "not supported yet: ORDER BY ... LIMIT / FETCH (Top-N) in streaming queries";
            }
            return "not supported in streaming: ORDER BY without LIMIT sorts an unbounded stream; "
                + "remove the ORDER BY";
        }
        if (node instanceof Intersect || node instanceof Minus) {
            return "not supported yet: INTERSECT ALL and EXCEPT ALL in streaming queries; use INTERSECT / EXCEPT";
        }
        if (node instanceof org.apache.calcite.rel.core.Uncollect) {
            return "not supported yet: UNNEST other than CROSS JOIN UNNEST(t.c) or LEFT JOIN UNNEST(t.c) ON TRUE"
                + " (for constant rows use VALUES)";
        }
        if (node instanceof org.apache.calcite.rel.core.Snapshot) {
            return "not supported yet: FOR SYSTEM_TIME AS OF outside a temporal join; use"
                + " 'left JOIN versioned FOR SYSTEM_TIME AS OF left.time_attribute ON left.k = versioned.k'";
        }
        if (node instanceof Match) {
            return "not supported yet: MATCH_RECOGNIZE";
        }
        if (node instanceof LogicalCalc && usesGroupWindowFunction(((LogicalCalc) node).getProgram())) {
            return "not supported yet: this use of a group window function (" + groupWindowCall(
                ((LogicalCalc) node).getProgram()) + "); supported: GROUP BY [keys,] TUMBLE/HOP/SESSION(time_attr, ...)"
                + " with TUMBLE_START/_END/_ROWTIME/_PROCTIME (HOP_..., SESSION_...) of the same window in the SELECT"
                + " list or HAVING, or the windowing table functions, e.g. FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts),"
                + " INTERVAL '10' SECOND)) GROUP BY window_start, window_end";
        }
        if (node instanceof TableFunctionScan) {
            if (WindowAggregateRule.windowFunction(node) != null) {
                return "not supported yet: a SESSION windowing TVF that is not followed by an aggregation grouped by "
                    + "window_start and window_end (window joins, window Top-N and window deduplication take TUMBLE,"
                    + " HOP and CUMULATE windows)";
            }
            return "not supported yet: table function " + ((TableFunctionScan) node).getCall();
        }
        if (node instanceof LogicalAggregate && ((LogicalAggregate) node).getGroupSets().size() > 1) {
            return "not supported yet: GROUPING SETS, ROLLUP and CUBE";
        }
        if (node instanceof LogicalUnion && !((LogicalUnion) node).all) {
            return "not supported yet: UNION DISTINCT";
        }
        boolean known = node instanceof LogicalCalc || node instanceof LogicalAggregate || node instanceof LogicalUnion
            || node instanceof LogicalValues || node instanceof LogicalSourceScan || node instanceof LogicalWatermarkAssigner
            || node instanceof LogicalWindowAggregate || node instanceof LogicalSink
            || node instanceof io.weir.planner.logical.LogicalRank
            || node instanceof io.weir.planner.logical.LogicalIntervalJoin
            || node instanceof io.weir.planner.logical.LogicalOverAggregate
            || node instanceof io.weir.planner.logical.LogicalRetractOverAggregate
            || node instanceof io.weir.planner.logical.LogicalTemporalJoin
            || node instanceof io.weir.planner.logical.LogicalLookupJoin
            || node instanceof io.weir.planner.logical.LogicalUnnest
            || node instanceof io.weir.planner.logical.LogicalSetOpAll
            || node instanceof io.weir.planner.logical.LogicalWindowTableFunction
            || node instanceof io.weir.planner.logical.LogicalWindowRank
            || node instanceof io.weir.planner.logical.LogicalWindowJoin;
        return known ? null : "not supported yet: " + node.getRelTypeName();
    }

    /** Whether a program calls the legacy group-window functions (in Calcite: {@code $TUMBLE} and the like). */
    private static boolean usesGroupWindowFunction(org.apache.calcite.rex.RexProgram program) {
        return groupWindowCall(program) != null;
    }

    /** The first group window call or property ({@code $TUMBLE(...)}, {@code TUMBLE_END(...)}) of a program, or null. */
    private static String groupWindowCall(org.apache.calcite.rex.RexProgram program) {
        for (org.apache.calcite.rex.RexNode e : program.getExprList()) {
            if (e instanceof org.apache.calcite.rex.RexCall) {
                org.apache.calcite.rex.RexCall c = (org.apache.calcite.rex.RexCall) e;
                if (GroupWindowAggregateRule.isGroupWindow(c)
                    || c.getOperator() instanceof io.weir.planner.functions.GroupWindowProperty) {
                    return c.getOperator().getName().replace("$", "");
                }
                switch (e.getKind()) {
                    case TUMBLE_START: case TUMBLE_END: case HOP_START: case HOP_END: case SESSION_START: case SESSION_END:
                        return c.getOperator().getName();
                    default:
                        break;
                }
            }
        }
        return null;
    }
}
