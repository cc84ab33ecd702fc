package io.weir.planner;

import io.weir.planner.exec.ExecNode;
import io.weir.planner.exec.OperatorSpec;
import io.weir.planner.schema.ColumnDescriptor;
import io.weir.planner.testing.PlanFixture;
import io.weir.runtime.types.DataType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden-file plans of the window operators after a windowing TVF: window assignment, window Top-N,
 * window deduplication, window joins, and windows after an interval join
 * (src/test/resources/plans/window_*.plan).
 */
class WindowPlanTest {
    private static final String TUMBLE_ORDERS = "TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' SECOND))";
    private static final String TUMBLE_SHIPMENTS =
        "TABLE(TUMBLE(TABLE shipments, DESCRIPTOR(sts), INTERVAL '10' SECOND))";

    private final PlanFixture f = PlanFixture.of(StreamPlanTest.catalog()
        .table("shipments", List.of(
            ColumnDescriptor.physical("order_id", DataType.bigint()),
            ColumnDescriptor.physical("sts", DataType.timestamp(3))),
            "sts", "sts - INTERVAL '1' SECOND", List.of(), Map.of("connector", "test-source"))
        .view("shipped", "SELECT o.id, o.ts, s.sts FROM orders o JOIN shipments s ON o.id = s.order_id"
            + " AND s.sts BETWEEN o.ts AND o.ts + INTERVAL '1' MINUTE"));

    @Test
    void shouldPlanPlainWindowAssignment() {
        f.sql("SELECT id, window_start, window_end, window_time FROM "
            + "TABLE(HOP(TABLE orders, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))")
            .expectPlan("window_tvf_hop");
    }

    @Test
    void shouldPlanWindowTopNOverTheTvf() {
        PlannedQuery q = f.sql("SELECT * FROM (SELECT window_start, window_end, customer, id, amount, ROW_NUMBER() OVER"
            + " (PARTITION BY window_start, window_end, customer ORDER BY amount DESC) AS rn FROM " + TUMBLE_ORDERS
            + ") WHERE rn <= 3").expectPlan("window_topn_tvf");
        OperatorSpec.WindowRank rank = spec(q, OperatorSpec.WindowRank.class);
        assertTrue(rank.rowtime());
        assertEquals(3, rank.rankEnd());
    }

    @Test
    void shouldPlanWindowTopNAfterWindowAggregation() {
        f.sql("SELECT * FROM (SELECT *, RANK() OVER (PARTITION BY window_start, window_end ORDER BY total DESC) AS r"
            + " FROM (SELECT window_start, window_end, customer, SUM(amount) AS total FROM " + TUMBLE_ORDERS
            + " GROUP BY window_start, window_end, customer)) WHERE r <= 2").expectPlan("window_topn_after_agg");
    }

    @Test
    void shouldPlanWindowDeduplicationKeepLast() {
        PlannedQuery q = f.sql("SELECT id, customer, ts, window_start FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY"
            + " window_start, window_end, customer ORDER BY ts DESC) AS rn FROM " + TUMBLE_ORDERS + ") WHERE rn = 1")
            .expectPlan("window_dedup_last");
        assertTrue(spec(q, OperatorSpec.WindowDeduplicate.class).keepLast());
    }

    @Test
    void whenRankIsNotPartitionedByTheWindow_thenRegularRank() {
        f.sql("SELECT * FROM (SELECT id, window_start, ROW_NUMBER() OVER (PARTITION BY window_start ORDER BY amount)"
            + " AS rn FROM " + TUMBLE_ORDERS + ") WHERE rn <= 1").expectPlan("window_rank_not_window_partitioned");
    }

    @Test
    void shouldPlanFullWindowJoin() {
        PlannedQuery q = f.sql("SELECT L.id, L.window_start, L.window_end, R.sts FROM (SELECT * FROM " + TUMBLE_ORDERS
            + ") L FULL JOIN (SELECT * FROM " + TUMBLE_SHIPMENTS + ") R ON L.window_start = R.window_start"
            + " AND L.window_end = R.window_end AND L.id = R.order_id").expectPlan("window_join_full");
        OperatorSpec.WindowJoin join = spec(q, OperatorSpec.WindowJoin.class);
        assertTrue(join.rowtime());
        assertEquals("FULL", join.joinType());
    }

    @Test
    void whenWindowJoinEquatesOnlyTheWindowStarts_thenFlinksError() {
        f.sql("SELECT L.id FROM (SELECT * FROM " + TUMBLE_ORDERS + ") L JOIN (SELECT * FROM " + TUMBLE_SHIPMENTS
            + ") R ON L.window_start = R.window_start AND L.id = R.order_id")
            .expectError("error_window_join_only_start");
    }

    @Test
    void whenWindowJoinOfDifferentWindows_thenFlinksError() {
        f.sql("SELECT L.id FROM (SELECT * FROM " + TUMBLE_ORDERS + ") L JOIN (SELECT * FROM TABLE(TUMBLE(TABLE"
            + " shipments, DESCRIPTOR(sts), INTERVAL '20' SECOND))) R ON L.window_start = R.window_start"
            + " AND L.window_end = R.window_end AND L.id = R.order_id")
            .expectError("error_window_join_different_windows");
    }

    @Test
    void shouldPlanWindowAggregationAfterRowtimeIntervalJoin() {
        f.sql("SELECT window_start, window_end, COUNT(*) AS c FROM TABLE(TUMBLE(TABLE shipped,"
            + " DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end")
            .expectPlan("window_after_interval_join");
    }

    @Test
    void shouldPlanWindowTopNAfterAProctimeWindowAggregation() {
        f.sql("SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY c DESC) AS rn"
            + " FROM (SELECT window_start, window_end, customer, COUNT(*) AS c FROM TABLE(TUMBLE(TABLE orders,"
            + " DESCRIPTOR(pt), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, customer)) WHERE rn <= 1")
            .expectPlan("window_topn_proctime");
    }

    @Test
    void whenSessionWindowJoin_thenNotSupportedYet() {
        f.sql("SELECT L.id FROM (SELECT * FROM TABLE(SESSION(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' SECOND))) L"
            + " JOIN (SELECT * FROM " + TUMBLE_SHIPMENTS + ") R ON L.window_start = R.window_start"
            + " AND L.window_end = R.window_end AND L.id = R.order_id").expectError("error_window_join_session");
    }

    private static <T extends OperatorSpec> T spec(PlannedQuery q, Class<T> type) {
        for (ExecNode n : q.execGraph().nodes()) {
            if (type.isInstance(n.spec())) {
                return type.cast(n.spec());
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + q.execGraph().describe());
    }
}
