package io.weir.planner;

import io.weir.planner.exec.ExecNode;
import io.weir.planner.exec.OperatorSpec;
import io.weir.planner.functions.WindowTableFunction;
import io.weir.planner.schema.ColumnDescriptor;
import io.weir.planner.testing.PlanFixture;
import io.weir.runtime.types.DataType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden-file plans of Flink's legacy group windows ({@code GROUP BY TUMBLE/HOP/SESSION(...)} with
 * {@code TUMBLE_START} and friends): the same window aggregation as the windowing TVFs
 * (src/test/resources/plans/group_window_*.plan).
 */
class GroupWindowPlanTest {
    private final PlanFixture f = PlanFixture.of(StreamPlanTest.catalog()
        .table("bid", List.of(
            ColumnDescriptor.physical("auction", DataType.bigint()),
            ColumnDescriptor.physical("bidder", DataType.bigint()),
            ColumnDescriptor.physical("price", DataType.bigint()),
            ColumnDescriptor.physical("dateTime", DataType.timestamp(3))),
            "dateTime", "dateTime - INTERVAL '4' SECOND", List.of(), Map.of("connector", "test-source")));

    @Test
    void shouldPlanNexmarkQ11AsSessionWindowAggregate() {
        PlannedQuery q = f.sql("SELECT B.bidder, count(*) as bid_count, SESSION_START(B.dateTime, INTERVAL '10' SECOND)"
            + " as starttime, SESSION_END(B.dateTime, INTERVAL '10' SECOND) as endtime FROM bid B"
            + " GROUP BY B.bidder, SESSION(B.dateTime, INTERVAL '10' SECOND)").expectPlan("group_window_q11_session");
        OperatorSpec.WindowAggregate agg = windowAggregate(q);
        assertTrue(agg.rowtime());
        assertEquals(WindowTableFunction.Kind.SESSION, agg.window().kind());
        assertEquals(10_000L, agg.window().sizeMillis());
        assertEquals(1, agg.keys().length);
    }

    @Test
    void shouldMapEveryTumbleAuxiliaryToTheWindowProperties() {
        f.sql("SELECT customer, TUMBLE_START(ts, INTERVAL '10' SECOND) AS ws, TUMBLE_END(ts, INTERVAL '10' SECOND) AS we,"
            + " TUMBLE_ROWTIME(ts, INTERVAL '10' SECOND) AS wt, COUNT(*) AS c, SUM(amount) AS s FROM orders"
            + " GROUP BY TUMBLE(ts, INTERVAL '10' SECOND), customer").expectPlan("group_window_tumble_keys");
    }

    @Test
    void shouldPlanHopWithoutKeysAndHaving() {
        f.sql("SELECT HOP_END(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND) AS we, MAX(amount) AS m FROM orders"
            + " GROUP BY HOP(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND) HAVING COUNT(*) > 2")
            .expectPlan("group_window_hop_having");
    }

    @Test
    void shouldPlanWindowOverTumbleRowtimeOfPreviousGroupWindow() {
        f.sql("SELECT TUMBLE_START(rt, INTERVAL '1' MINUTE) AS ws, SUM(c) AS total FROM (SELECT customer,"
            + " TUMBLE_ROWTIME(ts, INTERVAL '10' SECOND) AS rt, COUNT(*) AS c FROM orders"
            + " GROUP BY customer, TUMBLE(ts, INTERVAL '10' SECOND)) GROUP BY TUMBLE(rt, INTERVAL '1' MINUTE)")
            .expectPlan("group_window_cascaded");
    }

    @Test
    void shouldPlanProctimeWindowWithProctimeProperty() {
        PlannedQuery q = f.sql("SELECT customer, TUMBLE_PROCTIME(pt, INTERVAL '1' MINUTE) AS p, COUNT(*) AS c FROM orders"
            + " GROUP BY customer, TUMBLE(pt, INTERVAL '1' MINUTE)").expectPlan("group_window_proctime");
        assertFalse(windowAggregate(q).rowtime());
    }

    private static OperatorSpec.WindowAggregate windowAggregate(PlannedQuery q) {
        return q.execGraph().nodes().stream().map(ExecNode::spec).filter(OperatorSpec.WindowAggregate.class::isInstance)
            .map(OperatorSpec.WindowAggregate.class::cast).findFirst().orElseThrow();
    }

    @Test
    void whenProctimePropertyOfRowtimeWindow_thenError() {
        f.sql("SELECT TUMBLE_PROCTIME(ts, INTERVAL '10' SECOND), COUNT(*) FROM orders GROUP BY TUMBLE(ts, INTERVAL '10' SECOND)")
            .expectError("error_group_window_proctime_of_rowtime");
    }

    @Test
    void whenGroupWindowOverNonTimeAttribute_thenError() {
        f.sql("SELECT TUMBLE_START(cts, INTERVAL '10' SECOND), COUNT(*) FROM clicks GROUP BY TUMBLE(cts, INTERVAL '10' SECOND)")
            .expectError("error_group_window_not_time_attribute");
    }

    @Test
    void whenTwoGroupWindows_thenError() {
        f.sql("SELECT COUNT(*) FROM orders GROUP BY TUMBLE(ts, INTERVAL '10' SECOND), SESSION(ts, INTERVAL '1' SECOND)")
            .expectError("error_group_window_two_windows");
    }

    @Test
    void shouldKeepTheWindowingTableFunctionWorking() {
        f.sql("SELECT window_start, COUNT(*) AS c FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' SECOND))"
            + " GROUP BY window_start, window_end").expectPlan("group_window_tvf_unchanged");
    }
}
