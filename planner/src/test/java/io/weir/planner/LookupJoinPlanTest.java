package io.weir.planner;

import io.weir.planner.schema.ColumnDescriptor;
import io.weir.planner.testing.PlanFixture;
import io.weir.runtime.types.DataType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** Golden-file plans of lookup joins (src/test/resources/plans/lookup_join_*.plan). */
class LookupJoinPlanTest {
    private final PlanFixture f = PlanFixture.of(StreamPlanTest.catalog()
        .table("customers", List.of(
            ColumnDescriptor.physical("cid", DataType.bigint()),
            ColumnDescriptor.physical("name", DataType.string()),
            ColumnDescriptor.physical("city", DataType.string()),
            ColumnDescriptor.computed("label", "UPPER(name) || '@' || city")),
            null, null, List.of(), Map.of("connector", "test-source", "lookup", "true"))
        .table("accounts", List.of(
            ColumnDescriptor.physical("owner", DataType.string().notNull()),
            ColumnDescriptor.physical("balance", DataType.bigint())),
            null, null, List.of("owner"), Map.of("connector", "test-source", "lookup", "true")));

    @Test
    void shouldComputeTheKeyExpressionBeforeTheLookupJoin() {
        f.sql("SELECT o.id, c.name FROM orders AS o JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c"
            + " ON MOD(o.id, 10) = c.cid").expectPlan("lookup_join_key_expression");
    }

    @Test
    void shouldKeepResidualConditionsOfBothSidesAfterTheLookupOfALeftJoin() {
        f.sql("SELECT o.id, c.city FROM orders AS o LEFT JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c"
            + " ON o.customer = c.name AND c.city <> 'Paris' AND o.amount > c.cid")
            .expectPlan("lookup_join_left_residual");
    }

    @Test
    void shouldPassAnUpdatingInputThrough() {
        f.sql("SELECT o.id, c.city FROM (SELECT *, PROCTIME() AS pt FROM cdc_orders) AS o"
            + " JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c ON o.customer = c.name")
            .expectPlan("lookup_join_updating_input");
    }

    @Test
    void whenTheLookedUpPrimaryKeyIsALookupKey_thenTheInputKeyStaysAKeyForAnUpsertSink() {
        f.sql("INSERT INTO upsert_out SELECT o.customer, o.n + a.balance FROM (SELECT customer, COUNT(*) AS n,"
            + " PROCTIME() AS pt FROM orders WHERE customer IS NOT NULL GROUP BY customer) AS o"
            + " JOIN accounts FOR SYSTEM_TIME AS OF o.pt AS a ON o.customer = a.owner")
            .expectPlan("lookup_join_primary_key_upsert");
    }

    @Test
    void shouldComputeTheLookedUpTablesComputedColumnsAfterTheJoin() {
        f.sql("SELECT o.id, c.label FROM orders AS o LEFT JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c"
            + " ON o.customer = c.name AND c.label <> 'X'").expectPlan("lookup_join_computed_column");
    }

    @Test
    void whenAsOfIsARowtimeOfALookupTableWithoutKey_thenTheVersionedTableErrorOfFlink() {
        f.sql("SELECT o.id FROM orders AS o JOIN customers FOR SYSTEM_TIME AS OF o.ts AS c ON o.customer = c.name")
            .expectError("lookup_join_error_rowtime");
    }

    @Test
    void whenNoEqualityOnTheLookupTable_thenFlinksError() {
        f.sql("SELECT o.id FROM orders AS o JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c ON o.amount > c.cid")
            .expectError("lookup_join_error_no_equality");
    }

    @Test
    void whenRightJoin_thenRefused() {
        f.sql("SELECT o.id FROM orders AS o RIGHT JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c"
            + " ON o.customer = c.name").expectError("lookup_join_error_right_join");
    }

    @Test
    void whenConnectorHasNoLookupAndTableNoPrimaryKey_thenRefusedNamingTheConnector() {
        f.sql("SELECT o.id FROM orders AS o JOIN clicks FOR SYSTEM_TIME AS OF o.pt AS c ON o.id = c.user_id")
            .expectError("lookup_join_error_no_lookup");
    }
}
