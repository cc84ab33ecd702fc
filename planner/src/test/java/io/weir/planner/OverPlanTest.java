package io.weir.planner;

import io.weir.planner.testing.PlanFixture;
import io.weir.runtime.types.DataType;
import io.weir.planner.schema.ColumnDescriptor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** Golden-file plans of OVER aggregation (src/test/resources/plans/over_*.plan). */
class OverPlanTest {
    private final PlanFixture f = PlanFixture.of(StreamPlanTest.catalog()
        .table("cdc_events", List.of(
            ColumnDescriptor.physical("id", DataType.bigint().notNull()),
            ColumnDescriptor.physical("customer", DataType.string()),
            ColumnDescriptor.physical("amount", DataType.integer()),
            ColumnDescriptor.physical("ts", DataType.timestamp(3))),
            "ts", "ts - INTERVAL '1' SECOND", List.of("id"), Map.of("connector", "test-source", "changelog-mode", "all")));

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
    void whenOverOrderedByNonTimeAttribute_thenRetractModeIsPlanned() {
        f.sql("SELECT id, SUM(amount) OVER (PARTITION BY customer ORDER BY id) FROM orders")
            .expectPlan("over_retract_non_time_order");
    }

    @Test
    void whenOverInputIsUpdating_thenRetractModeIsPlannedWithUpdateBefore() {
        f.sql("SELECT customer, c, AVG(c) OVER (ORDER BY c DESC ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS a"
            + " FROM (SELECT customer, COUNT(*) AS c FROM orders GROUP BY customer)")
            .expectPlan("over_retract_updating_input");
    }

    @Test
    void whenUpdatingInputIsTop1_thenRetractModeIsPlanned() {
        f.sql("SELECT id, ts, MAX(amount) OVER (PARTITION BY customer ORDER BY ts ROWS BETWEEN 3 PRECEDING AND"
            + " CURRENT ROW) AS m FROM (SELECT * FROM (SELECT id, customer, amount, ts, ROW_NUMBER() OVER"
            + " (PARTITION BY id ORDER BY amount DESC) AS rn FROM orders) WHERE rn = 1)")
            .expectPlan("over_retract_top1_input");
    }

    @Test
    void whenRowtimeOrderedOverHasUpdatingInput_thenRetractModeIsPlanned() {
        f.sql("SELECT id, SUM(amount) OVER (PARTITION BY customer ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND"
            + " CURRENT ROW) AS s FROM cdc_events").expectPlan("over_retract_rowtime_updating_input");
    }

    @Test
    void whenRowtimeRangeOffsetOverHasUpdatingInput_thenRefused() {
        f.sql("SELECT id, SUM(amount) OVER (PARTITION BY customer ORDER BY ts RANGE BETWEEN INTERVAL '1' SECOND"
            + " PRECEDING AND CURRENT ROW) AS s FROM cdc_events").expectError("error_over_retract_rowtime_range");
    }

    @Test
    void whenRangeOffsetOverNonTimeOrder_thenRefused() {
        f.sql("SELECT id, SUM(amount) OVER (PARTITION BY customer ORDER BY id RANGE BETWEEN 5 PRECEDING AND"
            + " CURRENT ROW) FROM orders").expectError("error_over_retract_range_offset");
    }

    @Test
    void whenFrameEndsAfterCurrentRow_thenRefusedWithPosition() {
        f.sql("SELECT id, SUM(amount) OVER (PARTITION BY customer ORDER BY ts ROWS BETWEEN 1 PRECEDING AND\n"
            + "  1 FOLLOWING) FROM orders").expectError("error_over_following");
    }

    @Test
    void whenOverHasNoOrderBy_thenRefused() {
        f.sql("SELECT id, SUM(amount) OVER (PARTITION BY customer) FROM orders").expectError("error_over_no_order");
    }
}
