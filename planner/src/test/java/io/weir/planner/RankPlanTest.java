package io.weir.planner;

import io.weir.planner.testing.PlanFixture;
import org.junit.jupiter.api.Test;

/** Golden-file plans of Top-N and deduplication (src/test/resources/plans/rank_*.plan, dedup_*.plan). */
class RankPlanTest {
    private final PlanFixture f = PlanFixture.of(StreamPlanTest.catalog());

    @Test
    void shouldPlanTopNWithRankColumn() {
        f.sql("SELECT * FROM (SELECT customer, id, amount, ROW_NUMBER() OVER (PARTITION BY customer ORDER BY amount DESC)"
            + " AS rn FROM orders) WHERE rn <= 3").expectPlan("rank_top3_with_rank");
    }

    @Test
    void shouldPlanTopNWithoutRankColumnAndBetween() {
        f.sql("SELECT customer, id FROM (SELECT customer, id, RANK() OVER (PARTITION BY customer ORDER BY amount)"
            + " AS r FROM orders) WHERE r BETWEEN 2 AND 4 AND id > 0").expectPlan("rank_between_without_rank");
    }

    @Test
    void shouldPlanProctimeDeduplicationKeepFirstAsInsertOnly() {
        f.sql("SELECT id, customer FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY pt) AS rn FROM orders)"
            + " WHERE rn = 1").expectPlan("dedup_proctime_first");
    }

    @Test
    void shouldPlanRowtimeDeduplicationKeepLast() {
        f.sql("SELECT id, customer, ts FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY customer ORDER BY ts DESC) AS rn"
            + " FROM orders) WHERE rn = 1").expectPlan("dedup_rowtime_last");
    }

    @Test
    void whenRankWithoutUpperBound_thenRefusedAsOverAggregation() {
        f.sql("SELECT * FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY customer ORDER BY amount) AS rn FROM orders)"
            + " WHERE rn > 3").expectError("error_rank_without_upper_bound");
    }
}
