package io.weir.planner;

import io.weir.planner.testing.PlanFixture;
import org.junit.jupiter.api.Test;

/** Golden-file plans of OVER aggregation (src/test/resources/plans/over_*.plan). */
class OverPlanTest {
    private final PlanFixture f = PlanFixture.of(StreamPlanTest.catalog());

    @Test
    void shouldPlanRowtimeUnboundedRowsOverWithSeveralAggregates() {
        f.sql("SELECT id, SUM(amount) OVER w AS s, COUNT(*) OVER w AS c FROM orders"
            + " WINDOW w AS (PARTITION BY customer ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)")
            .expectPlan("over_rowtime_unbounded_rows");
    }

    @Test
    void shouldPlanProctimeBoundedRangeOver() {
        f.sql("SELECT id, MAX(amount) OVER (PARTITION BY customer ORDER BY pt"
            + " RANGE BETWEEN INTERVAL '10' SECOND PRECEDING AND CURRENT ROW) AS m FROM orders")
            .expectPlan("over_proctime_bounded_range");
    }

    @Test
    void whenOverOrderedByNonTimeAttribute_thenRefused() {
        f.sql("SELECT id, SUM(amount) OVER (PARTITION BY customer ORDER BY id) FROM orders")
            .expectError("error_over_not_time_attribute");
    }
}
