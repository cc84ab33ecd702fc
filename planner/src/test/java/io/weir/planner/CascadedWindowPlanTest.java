package io.weir.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.planner.exec.ExecNode;
import io.weir.planner.exec.OperatorSpec;
import io.weir.planner.testing.PlanFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden-file plans of cascaded window aggregations (Flink's window-attached windowing: GROUP BY the
 * window_start and window_end of a rowtime-windowed input) and of time attributes after window
 * operators (src/test/resources/plans/cascade_*.plan).
 */
class CascadedWindowPlanTest {
    private static final String HOP_ORDERS =
        "TABLE(HOP(TABLE orders, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '10' SECOND))";
    private static final String TUMBLE_ORDERS = "TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' SECOND))";
    private static final String COUNTS = "SELECT customer, COUNT(*) AS num, window_start AS starttime,"
        + " window_end AS endtime FROM " + HOP_ORDERS + " GROUP BY customer, window_start, window_end";

    private final PlanFixture f = PlanFixture.of(StreamPlanTest.catalog()
        .view("top1", "SELECT id, window_time AS wt FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start,"
            + " window_end ORDER BY amount DESC) AS rn FROM " + TUMBLE_ORDERS + ") WHERE rn <= 1")
        .view("outer_side", "SELECT L.window_time AS lwt, R.window_time AS rwt FROM (SELECT * FROM " + TUMBLE_ORDERS
            + ") L LEFT JOIN (SELECT * FROM " + TUMBLE_ORDERS + ") R ON L.window_start = R.window_start"
            + " AND L.window_end = R.window_end AND L.id = R.id"));

    @Test
    void shouldPlanNexmarkQ5AsWindowAggregateCascadeAndWindowJoin() {
        PlannedQuery q = f.sql("SELECT C.customer, C.num FROM (" + COUNTS + ") AS C JOIN (SELECT MAX(N.num) AS maxn,"
            + " N.starttime, N.endtime FROM (" + COUNTS + ") AS N GROUP BY N.starttime, N.endtime) AS M"
            + " ON C.starttime = M.starttime AND C.endtime = M.endtime AND C.num >= M.maxn")
            .expectPlan("cascade_q5");
        List<OperatorSpec.WindowAggregate> aggs = specs(q, OperatorSpec.WindowAggregate.class);
        assertEquals(2, aggs.size()); // the per-customer counts, shared by both join inputs, and the cascade
        assertEquals(1, aggs.stream().filter(a -> a.window().attached()).count());
        assertTrue(aggs.stream().allMatch(OperatorSpec.WindowAggregate::rowtime));
        assertTrue(specs(q, OperatorSpec.WindowJoin.class).get(0).rowtime());
    }

    @Test
    void shouldPlanTumbleCascadeWithWindowTime() {
        PlannedQuery q = f.sql("SELECT window_start, window_end, window_time, SUM(total) AS total FROM (SELECT"
            + " window_start, window_end, window_time, customer, SUM(amount) AS total FROM " + TUMBLE_ORDERS
            + " GROUP BY window_start, window_end, window_time, customer) GROUP BY window_start, window_end, window_time")
            .expectPlan("cascade_tumble");
        assertEquals(1, specs(q, OperatorSpec.WindowAggregate.class).stream().filter(a -> a.window().attached())
            .count());
    }

    @Test
    void shouldPlanCascadeOverWindowTopN() {
        f.sql("SELECT window_start, window_end, COUNT(*) AS n FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY"
            + " window_start, window_end ORDER BY amount DESC) AS rn FROM " + TUMBLE_ORDERS + ") WHERE rn <= 2"
            + " GROUP BY window_start, window_end").expectPlan("cascade_over_window_topn");
    }

    @Test
    void whenGroupedByWindowStartOnly_thenRegularAggregation() {
        PlannedQuery q = f.sql("SELECT starttime, MAX(num) FROM (" + COUNTS + ") GROUP BY starttime")
            .expectPlan("cascade_window_start_only");
        assertTrue(specs(q, OperatorSpec.WindowAggregate.class).stream().noneMatch(a -> a.window().attached()));
    }

    @Test
    void whenTheWindowIsOnProctime_thenRegularAggregation() {
        PlannedQuery q = f.sql("SELECT window_start, window_end, MAX(c) FROM (SELECT window_start, window_end,"
            + " customer, COUNT(*) AS c FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(pt), INTERVAL '10' SECOND))"
            + " GROUP BY window_start, window_end, customer) GROUP BY window_start, window_end")
            .expectPlan("cascade_proctime");
        assertEquals(1, specs(q, OperatorSpec.WindowAggregate.class).size());
    }

    @Test
    void shouldKeepWindowTimeAfterWindowTopN() {
        PlannedQuery q = f.sql("SELECT window_start, window_end, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE top1,"
            + " DESCRIPTOR(wt), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end")
            .expectPlan("cascade_tumble_over_window_topn_time");
        assertTrue(specs(q, OperatorSpec.WindowAggregate.class).stream().allMatch(OperatorSpec.WindowAggregate::rowtime));
    }

    @Test
    void shouldKeepWindowTimeOfThePreservedSideOfAnOuterWindowJoin() {
        f.sql("SELECT window_start, window_end, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE outer_side, DESCRIPTOR(lwt),"
            + " INTERVAL '1' MINUTE)) GROUP BY window_start, window_end").expectPlan("cascade_tumble_over_window_join_time");
    }

    @Test
    void whenOuterWindowJoin_thenTheNullGeneratingSideLosesItsRowtime() {
        f.sql("SELECT window_start, window_end, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE outer_side, DESCRIPTOR(rwt),"
            + " INTERVAL '1' MINUTE)) GROUP BY window_start, window_end")
            .expectError("error_cascade_window_time_of_outer_side");
    }

    private static <T extends OperatorSpec> List<T> specs(PlannedQuery q, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (ExecNode n : q.execGraph().nodes()) {
            if (type.isInstance(n.spec())) {
                out.add(type.cast(n.spec()));
            }
        }
        return out;
    }
}
