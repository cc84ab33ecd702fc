package io.weir.client;

import io.weir.planner.PlannedQuery;
import io.weir.planner.exec.ExecNode;
import io.weir.runtime.data.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;

/**
 * {@code ORDER BY ... [LIMIT n] [OFFSET m]} at the top of a query whose inputs are all bounded
 * snapshots ({@code VALUES} and the system tables {@code sys.*}). A streaming plan cannot sort an
 * unbounded stream, so the client runs the query without its ORDER BY to the end of its input,
 * applies the changelog, and sorts the final rows itself. Order keys are output columns, by name
 * or by position; ascending puts NULLs first, descending last (Flink's default), unless
 * {@code NULLS FIRST | LAST} says otherwise.
 */
final class BoundedOrderBy {
    private final SqlOrderBy orderBy;

    private BoundedOrderBy(SqlOrderBy orderBy) {
        this.orderBy = orderBy;
    }

    /** The top-level ORDER BY of a query, if it has one. */
    static Optional<BoundedOrderBy> of(SqlNode query) {
        return query instanceof SqlOrderBy o ? Optional.of(new BoundedOrderBy(o)) : Optional.empty();
    }

    /** The whole query, ORDER BY, OFFSET and FETCH included. */
    SqlNode whole() {
        return orderBy;
    }

    /** The query without its ORDER BY, OFFSET and FETCH. */
    SqlNode query() {
        return orderBy.query;
    }

    /** Whether the query has a LIMIT (FETCH): then a streaming plan runs it as a Top-N. */
    boolean hasFetch() {
        return orderBy.fetch != null;
    }

    /** Whether the plan reads only VALUES (and the system tables' snapshots). */
    static boolean isBounded(PlannedQuery planned) {
        for (ExecNode n : planned.execGraph().nodes()) {
            if (n.inputs().isEmpty() && !n.kind().equals("Values")) {
                return false;
            }
        }
        return true;
    }

    /** Refuses a plan that reads anything but VALUES: its stream may never end. */
    static void requireBounded(PlannedQuery planned) {
        for (ExecNode n : planned.execGraph().nodes()) {
            if (n.inputs().isEmpty() && !n.kind().equals("Values")) {
                throw new StatementException("not supported in streaming: ORDER BY without LIMIT on a query that reads "
                    + n.kind() + " (an unbounded stream); ORDER BY ... LIMIT n runs as a Top-N, and ORDER BY alone is"
                    + " supported on queries over VALUES and the system tables (sys.*) only");
            }
        }
    }

    /** Sorts the materialized result and applies OFFSET and FETCH. */
    List<Row> apply(List<Row> rows, List<String> columns) {
        Comparator<Row> order = null;
        for (SqlNode item : orderBy.orderList) {
            Comparator<Row> c = key(item, columns);
            order = order == null ? c : order.thenComparing(c);
        }
        List<Row> sorted = new ArrayList<>(rows);
        if (order != null) {
            sorted.sort(order);
        }
        int from = (int) Math.min(sorted.size(), count(orderBy.offset, 0));
        int to = (int) Math.min(sorted.size(), from + count(orderBy.fetch, Integer.MAX_VALUE));
        return sorted.subList(from, to);
    }

    private static Comparator<Row> key(SqlNode item, List<String> columns) {
        boolean descending = false;
        Boolean nullsFirst = null;
        SqlNode expr = item;
        while (expr instanceof SqlBasicCall call && (call.getKind() == SqlKind.DESCENDING
            || call.getKind() == SqlKind.NULLS_FIRST || call.getKind() == SqlKind.NULLS_LAST)) {
            if (call.getKind() == SqlKind.DESCENDING) {
                descending = true;
            } else if (nullsFirst == null) {
                nullsFirst = call.getKind() == SqlKind.NULLS_FIRST;
            }
            expr = call.operand(0);
        }
        int field = field(expr, columns);
        boolean nullFirst = nullsFirst != null ? nullsFirst : !descending;
        boolean desc = descending;
        return (a, b) -> compare(a.getField(field), b.getField(field), desc, nullFirst);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b, boolean descending, boolean nullsFirst) {
        if (a == null || b == null) {
            return a == b ? 0 : (a == null) == nullsFirst ? -1 : 1;
        }
        int c = ((Comparable) a).compareTo(b);
        return descending ? -c : c;
    }

    private static int field(SqlNode expr, List<String> columns) {
        if (expr instanceof SqlIdentifier id) {
            int i = columns.indexOf(id.names.get(id.names.size() - 1));
            if (i >= 0) {
                return i;
            }
        } else if (expr instanceof SqlLiteral lit && lit.getValue() instanceof BigDecimal pos) {
            int i = pos.intValue() - 1;
            if (i >= 0 && i < columns.size()) {
                return i;
            }
        }
        throw new StatementException("not supported yet: ORDER BY " + expr + " over a bounded query; order by an output column "
            + columns + " or its position", expr.getParserPosition().getLineNum(), expr.getParserPosition().getColumnNum(), null);
    }

    private static long count(SqlNode n, long absent) {
        if (n == null) {
            return absent;
        }
        if (n instanceof SqlLiteral lit && lit.getValue() instanceof BigDecimal v) {
            return v.longValueExact();
        }
        throw new StatementException("LIMIT and OFFSET must be numbers, got " + n);
    }
}
