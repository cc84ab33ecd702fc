package io.weir.planner;

import io.weir.planner.schema.ColumnDescriptor;
import io.weir.planner.testing.PlanFixture;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * Golden-file plans of temporal joins, UNNEST and INTERSECT/EXCEPT ALL
 * (src/test/resources/plans/temporal_*.plan, unnest_*.plan, set_op_all_*.plan).
 */
class CorrelatePlanTest {
    private static final Map<String, String> CDC = Map.of("connector", "test-source", "changelog-mode", "all");
    private final PlanFixture f = PlanFixture.of(StreamPlanTest.catalog()
        .table("rates", List.of(
            ColumnDescriptor.physical("currency", DataType.string().notNull()),
            ColumnDescriptor.physical("rate", DataType.integer()),
            ColumnDescriptor.physical("rts", DataType.timestamp(3))),
            "rts", "rts", List.of("currency"), CDC)
        .table("rates_no_key", List.of(
            ColumnDescriptor.physical("currency", DataType.string()),
            ColumnDescriptor.physical("rate", DataType.integer()),
            ColumnDescriptor.physical("rts", DataType.timestamp(3))),
            "rts", "rts", List.of(), Map.of("connector", "test-source"))
        .table("carts", List.of(
            ColumnDescriptor.physical("id", DataType.bigint()),
            ColumnDescriptor.physical("tags", DataType.array(DataType.string())),
            ColumnDescriptor.physical("attrs", DataType.map(DataType.string(), DataType.integer())),
            ColumnDescriptor.physical("items", DataType.array(DataType.row(RowType.of(new String[] {"sku", "qty"},
                new DataType[] {DataType.string(), DataType.integer()}))))),
            null, null, List.of(), Map.of("connector", "test-source")));

    @Test
    void shouldPlanEventTimeTemporalJoinAsInsertOnlyKeepingTheLeftRowtime() {
        f.sql("SELECT o.id, r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r"
            + " ON o.customer = r.currency AND r.rate > o.amount").expectPlan("temporal_join_rowtime");
    }

    @Test
    void shouldPlanProcessingTimeLeftTemporalJoin() {
        f.sql("SELECT o.id, r.amount FROM orders AS o LEFT JOIN cdc_orders FOR SYSTEM_TIME AS OF o.pt AS r"
            + " ON o.id = r.id").expectPlan("temporal_join_proctime_left");
    }

    @Test
    void whenVersionedTableHasNoPrimaryKey_thenFlinksError() {
        f.sql("SELECT o.id FROM orders AS o JOIN rates_no_key FOR SYSTEM_TIME AS OF o.ts AS r"
            + " ON o.customer = r.currency").expectError("temporal_join_error_no_primary_key");
    }

    @Test
    void whenConditionHasNoEquality_thenFlinksError() {
        f.sql("SELECT o.id FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.amount > r.rate")
            .expectError("temporal_join_error_no_equality");
    }

    @Test
    void whenAsOfIsNotATimeAttribute_thenFlinksError() {
        f.sql("SELECT c.user_id FROM clicks AS c JOIN rates FOR SYSTEM_TIME AS OF c.cts AS r"
            + " ON c.url = r.currency").expectError("temporal_join_error_not_time_attribute");
    }

    @Test
    void whenEventTimeVersionedTableHasNoRowtime_thenFlinksError() {
        f.sql("SELECT o.id FROM orders AS o JOIN cdc_orders FOR SYSTEM_TIME AS OF o.ts AS r ON o.id = r.id")
            .expectError("temporal_join_error_no_rowtime");
    }

    @Test
    void whenSnapshotIsNotPartOfAJoin_thenRefusedNamingTheTemporalJoin() {
        f.sql("SELECT currency FROM rates FOR SYSTEM_TIME AS OF TIMESTAMP '2024-01-01 00:00:00'")
            .expectError("temporal_join_error_snapshot_without_join");
    }

    @Test
    void whenUnnestIsNotCorrelated_thenRefused() {
        f.sql("SELECT x FROM UNNEST(ARRAY[1, 2]) AS t(x)").expectError("unnest_error_uncorrelated");
    }

    @Test
    void shouldPlanCrossJoinUnnestWithOrdinalityChained() {
        f.sql("SELECT c.id, t.tag, t.pos FROM carts AS c CROSS JOIN UNNEST(c.tags) WITH ORDINALITY AS t(tag, pos)")
            .expectPlan("unnest_array_with_ordinality");
    }

    @Test
    void shouldPlanLeftJoinUnnestOfRowsAndMaps() {
        f.sql("SELECT c.id, i.sku, a.k FROM carts AS c LEFT JOIN UNNEST(c.items) AS i(sku, qty) ON TRUE"
            + " CROSS JOIN UNNEST(c.attrs) AS a(k, v)").expectPlan("unnest_left_rows_and_map");
    }

    @Test
    void shouldPlanUnnestOfAnUpdatingInputKeepingItsChangelog() {
        f.sql("SELECT customer, x FROM (SELECT customer, SUM(amount) AS s FROM orders GROUP BY customer) AS t"
            + " CROSS JOIN UNNEST(ARRAY[t.s, t.s * 2]) AS u(x)").expectPlan("unnest_updating_input");
    }

    @Test
    void whenUnnestInputIsAnUpsertStream_thenRefused() {
        f.sql("SELECT id, x FROM upsert_orders CROSS JOIN UNNEST(ARRAY[amount, 2 * amount]) AS t(x)")
            .expectError("unnest_error_upsert_input");
    }

    @Test
    void shouldPlanIntersectAllOfInsertOnlyInputsAsInsertOnly() {
        f.sql("SELECT customer FROM orders INTERSECT ALL SELECT url FROM clicks").expectPlan("set_op_intersect_all");
    }

    @Test
    void shouldPlanExceptAllOfUpdatingInputAsRetracting() {
        f.sql("SELECT customer FROM cdc_orders EXCEPT ALL SELECT url FROM clicks EXCEPT ALL SELECT customer FROM orders")
            .expectPlan("set_op_except_all_updating");
    }
}
