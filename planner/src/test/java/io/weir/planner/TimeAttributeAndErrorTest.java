package io.weir.planner;

import io.weir.planner.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Time attributes through projections, views and windows, and the positions of user errors. */
class TimeAttributeAndErrorTest {
    private final PlanFixture f = PlanFixture.of(StreamPlanTest.catalog()
        .view("renamed", "SELECT customer AS who, ts AS event_time, amount FROM orders")
        .view("per_minute", "SELECT customer, window_start AS minute_start, window_time AS rowtime, SUM(amount) AS total "
            + "FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) "
            + "GROUP BY customer, window_start, window_end, window_time")
        .view("counts", "SELECT customer, MAX(ts) AS last_ts FROM orders GROUP BY customer"));

    @Test
    void shouldKeepRowtimeThroughRenamingView() {
        f.sql("SELECT who, window_end, COUNT(*) AS c FROM TABLE(TUMBLE(TABLE renamed, DESCRIPTOR(event_time), "
            + "INTERVAL '1' HOUR)) GROUP BY who, window_start, window_end").expectPlan("rowtime_through_view");
    }

    @Test
    void shouldCascadeWindowsOnWindowTime() {
        f.sql("SELECT window_start, window_end, SUM(total) AS total FROM TABLE(TUMBLE(TABLE per_minute, "
            + "DESCRIPTOR(rowtime), INTERVAL '1' HOUR)) GROUP BY window_start, window_end").expectPlan("cascaded_windows");
    }

    @Test
    void whenWindowOverAggregatedTimestamp_thenRowtimeWasMaterialized() {
        f.sql("SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE counts, DESCRIPTOR(last_ts), INTERVAL '1' MINUTE)) "
            + "GROUP BY window_start, window_end").expectError("error_window_over_materialized_rowtime");
    }

    @Test
    void whenSessionWindowWithoutAggregation_thenNotSupportedYet() {
        f.sql("SELECT * FROM TABLE(SESSION(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE))")
            .expectError("error_window_without_aggregation");
    }

    @Test
    void whenSessionWithPartitionByNotGroupedByIt_thenErrorShowsSupportedForm() {
        f.sql("SELECT COUNT(*) FROM TABLE(SESSION(TABLE orders PARTITION BY customer, DESCRIPTOR(ts), "
            + "INTERVAL '1' MINUTE)) GROUP BY window_start, window_end").expectError("error_session_partition_by");
    }

    @Test
    void whenSessionWithPartitionByGroupedByIt_thenItPlansAsTheUnpartitionedSession() {
        String partitioned = f.sql("SELECT customer, COUNT(*) FROM TABLE(SESSION(TABLE orders PARTITION BY customer, "
            + "DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY customer, window_start, window_end").plan().explain();
        String plain = f.sql("SELECT customer, COUNT(*) FROM TABLE(SESSION(TABLE orders, "
            + "DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY customer, window_start, window_end").plan().explain();
        assertEquals(plain, partitioned);
    }

    @Test
    void whenUnknownColumn_thenErrorHasLineAndColumn() {
        ValidationException e = f.sql("SELECT id,\n  amount,\n  nope FROM orders").expectError("error_unknown_column");
        assertEquals(3, e.line());
        assertEquals(3, e.column());
    }

    @Test
    void whenUnknownTable_thenErrorHasPosition() {
        ValidationException e = f.sql("SELECT * FROM missing").expectError("error_unknown_table");
        assertEquals(1, e.line());
        assertTrue(e.column() > 0);
    }

    @Test
    void whenUnknownFunction_thenErrorNamesIt() {
        f.sql("SELECT NO_SUCH_FN(id) FROM orders").expectError("error_unknown_function");
    }

    @Test
    void shouldMatchFunctionNamesCaseInsensitively() {
        f.sql("SELECT upper(customer), count(*) FROM orders GROUP BY customer").expectPlan("function_case");
    }
}
