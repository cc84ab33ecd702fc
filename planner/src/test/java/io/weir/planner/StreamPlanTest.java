package io.weir.planner;

import io.weir.planner.schema.ColumnDescriptor;
import io.weir.planner.testing.PlanFixture;
import io.weir.runtime.types.DataType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** Golden-file tests of streaming plans with changelog modes (src/test/resources/plans). */
class StreamPlanTest {
    private static final Map<String, String> SOURCE = Map.of("connector", "test-source");

    static InMemoryCatalog catalog() {
        return new InMemoryCatalog()
            .table("orders", List.of(
                ColumnDescriptor.physical("id", DataType.bigint()),
                ColumnDescriptor.physical("customer", DataType.string()),
                ColumnDescriptor.physical("amount", DataType.integer()),
                ColumnDescriptor.physical("ts", DataType.timestamp(3)),
                ColumnDescriptor.computed("pt", "PROCTIME()")),
                "ts", "ts - INTERVAL '5' SECOND", List.of(), SOURCE)
            .table("clicks", List.of(
                ColumnDescriptor.physical("user_id", DataType.bigint()),
                ColumnDescriptor.physical("url", DataType.string()),
                ColumnDescriptor.physical("cts", DataType.timestamp(3))),
                null, null, List.of(), SOURCE)
            .table("append_out", List.of(
                ColumnDescriptor.physical("customer", DataType.string()),
                ColumnDescriptor.physical("total", DataType.bigint())),
                null, null, List.of(), Map.of("connector", "test-sink", "changelog-mode", "insert-only"))
            .table("retract_out", List.of(
                ColumnDescriptor.physical("customer", DataType.string()),
                ColumnDescriptor.physical("total", DataType.bigint())),
                null, null, List.of(), Map.of("connector", "test-sink", "changelog-mode", "retract"))
            .table("upsert_out", List.of(
                ColumnDescriptor.physical("customer", DataType.string().notNull()),
                ColumnDescriptor.physical("total", DataType.bigint())),
                null, null, List.of("customer"), Map.of("connector", "test-sink", "changelog-mode", "upsert"))
            .table("window_out", List.of(
                ColumnDescriptor.physical("customer", DataType.string()),
                ColumnDescriptor.physical("wstart", DataType.timestamp(3)),
                ColumnDescriptor.physical("wend", DataType.timestamp(3)),
                ColumnDescriptor.physical("total", DataType.bigint())),
                null, null, List.of(), Map.of("connector", "test-sink", "changelog-mode", "insert-only"))
            .table("cdc_orders", List.of(
                ColumnDescriptor.physical("id", DataType.bigint().notNull()),
                ColumnDescriptor.physical("customer", DataType.string()),
                ColumnDescriptor.physical("amount", DataType.integer())),
                null, null, List.of("id"), Map.of("connector", "test-source", "changelog-mode", "all"))
            .table("upsert_orders", List.of(
                ColumnDescriptor.physical("id", DataType.bigint().notNull()),
                ColumnDescriptor.physical("customer", DataType.string()),
                ColumnDescriptor.physical("amount", DataType.integer())),
                null, null, List.of("id"), Map.of("connector", "test-source", "changelog-mode", "upsert"))
            .view("big_orders", "SELECT id, customer, amount, ts FROM orders WHERE amount > 100");
    }

    private final PlanFixture f = PlanFixture.of(catalog());

    @Test
    void shouldPlanProjectionAndFilterWithPushDown() {
        f.sql("SELECT id, amount + 1 AS next_amount FROM orders WHERE amount > 10").expectPlan("projection_filter");
    }

    @Test
    void shouldFoldConstants() {
        f.sql("SELECT user_id, 1 + 2 AS three FROM clicks WHERE 2 > 1 AND user_id > 5 * 2").expectPlan("constant_folding");
    }

    @Test
    void shouldExpandViews() {
        f.sql("SELECT customer FROM big_orders WHERE id > 0").expectPlan("view");
    }

    @Test
    void shouldPlanGroupAggregateIntoRetractSink() {
        f.sql("INSERT INTO retract_out SELECT customer, SUM(amount) FROM orders GROUP BY customer")
            .expectPlan("group_agg_retract_sink");
    }

    @Test
    void shouldPlanGroupAggregateIntoUpsertSinkWithoutUpdateBefore() {
        f.sql("INSERT INTO upsert_out SELECT customer, COUNT(*) FROM orders WHERE customer IS NOT NULL GROUP BY customer")
            .expectPlan("group_agg_upsert_sink");
    }

    @Test
    void shouldPlanNestedAggregatesWithRetraction() {
        f.sql("SELECT cnt, COUNT(*) AS freq FROM (SELECT customer, COUNT(*) AS cnt FROM orders GROUP BY customer) GROUP BY cnt")
            .expectPlan("nested_group_agg");
    }

    @Test
    void shouldPlanGlobalAggregateAtParallelismOne() {
        f.set("parallelism.default", "4").sql("SELECT COUNT(DISTINCT customer), MAX(amount) FROM orders")
            .expectPlan("global_agg");
    }

    @Test
    void shouldSplitAggregatesIntoLocalAndGlobalWithMiniBatch() {
        f.set("table.exec.mini-batch.enabled", "true").set("table.exec.mini-batch.allow-latency", "1 s")
            .set("table.exec.mini-batch.size", "1000").set("parallelism.default", "2")
            .sql("SELECT customer, COUNT(*) AS c, AVG(amount) AS a, MAX(amount) AS m FROM orders GROUP BY customer")
            .expectPlan("mini_batch_local_global");
    }

    @Test
    void shouldKeepOnePhaseForMinMaxOverUpdatingInputWithMiniBatch() {
        f.set("table.exec.mini-batch.enabled", "true").set("table.exec.mini-batch.allow-latency", "1 s")
            .set("table.exec.mini-batch.size", "1000")
            .sql("SELECT MAX(c) AS m, SUM(c) AS s FROM (SELECT customer, COUNT(*) AS c FROM orders GROUP BY customer)")
            .expectPlan("mini_batch_updating_input");
    }

    @Test
    void whenMiniBatchWithoutSize_thenErrorNamesOptions() {
        f.set("table.exec.mini-batch.enabled", "true")
            .sql("SELECT customer, COUNT(*) FROM orders GROUP BY customer").expectError("error_mini_batch_options");
    }

    @Test
    void whenUpdatingQueryGoesToInsertOnlySink_thenErrorNamesSinkAndProducer() {
        f.sql("INSERT INTO append_out SELECT customer, COUNT(*) FROM orders GROUP BY customer")
            .expectError("error_updates_into_append_sink");
    }

    @Test
    void shouldPlanTumbleWindowAggregate() {
        f.sql("INSERT INTO window_out SELECT customer, window_start, window_end, SUM(amount) "
            + "FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' MINUTE)) "
            + "WHERE amount > 0 GROUP BY window_start, window_end, customer").expectPlan("tumble_window");
    }

    @Test
    void shouldPlanHopWindowAggregate() {
        f.sql("SELECT window_start, window_end, window_time, COUNT(*) AS c "
            + "FROM TABLE(HOP(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '5' MINUTE)) "
            + "GROUP BY window_start, window_end, window_time").expectPlan("hop_window");
    }

    @Test
    void shouldPlanCumulateWindowAggregate() {
        f.sql("SELECT customer, window_end, MAX(amount) AS m "
            + "FROM TABLE(CUMULATE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '1' HOUR)) "
            + "GROUP BY customer, window_start, window_end").expectPlan("cumulate_window");
    }

    @Test
    void shouldPlanSessionWindowOnProctime() {
        f.sql("SELECT customer, window_start, window_end, COUNT(*) AS c "
            + "FROM TABLE(SESSION(TABLE orders, DESCRIPTOR(pt), INTERVAL '30' SECOND)) "
            + "GROUP BY window_start, window_end, customer").expectPlan("session_window_proctime");
    }

    @Test
    void whenWindowTimeColumnIsNoTimeAttribute_thenError() {
        f.sql("SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(cts), INTERVAL '1' MINUTE)) "
            + "GROUP BY window_start, window_end").expectError("error_window_without_time_attribute");
    }

    @Test
    void shouldPlanUnionAllAndValues() {
        f.sql("SELECT id, customer FROM orders UNION ALL SELECT user_id, url FROM clicks "
            + "UNION ALL SELECT * FROM (VALUES (CAST(1 AS BIGINT), 'x'))").expectPlan("union_values");
    }

    @Test
    void shouldPlanStatementSetSharingTheSource() {
        f.sql("EXECUTE STATEMENT SET BEGIN "
            + "INSERT INTO retract_out SELECT customer, SUM(amount) FROM orders GROUP BY customer; "
            + "INSERT INTO append_out SELECT customer, CAST(amount AS BIGINT) FROM orders WHERE amount > 5; END")
            .expectPlan("statement_set");
    }

    @Test
    void shouldAggregateChangelogSourceWithRetraction() {
        f.sql("INSERT INTO retract_out SELECT customer, SUM(amount) FROM cdc_orders GROUP BY customer")
            .expectPlan("cdc_source_group_agg");
    }

    @Test
    void whenChangelogSourceIntoAppendSink_thenErrorNamesSource() {
        f.sql("INSERT INTO append_out SELECT customer, CAST(amount AS BIGINT) FROM cdc_orders")
            .expectError("error_cdc_into_append_sink");
    }

    @Test
    void whenUpsertSourceAggregated_thenNotSupportedYet() {
        f.sql("SELECT customer, COUNT(*) FROM upsert_orders GROUP BY customer").expectError("error_upsert_source_agg");
    }

    @Test
    void shouldHashUpdatesByKeyWhenParallelismChanges() {
        f.set("parallelism.default", "3").sql("SELECT COUNT(*) AS c FROM orders UNION ALL "
            + "SELECT CAST(amount AS BIGINT) FROM orders").expectPlan("updates_across_parallelism");
    }

    @Test
    void shouldPlanHavingDistinctAndUnionDistinctAsAggregates() {
        f.sql("SELECT DISTINCT customer FROM orders UNION SELECT url FROM clicks").expectPlan("distinct_union");
        f.sql("SELECT customer, COUNT(DISTINCT id) AS ids FROM orders GROUP BY customer HAVING SUM(amount) > 100")
            .expectPlan("having_distinct_agg");
    }

    @Test
    void whenUpdatesAreFilteredBeforeUpsertSink_thenNotSupportedYet() {
        f.sql("INSERT INTO upsert_out SELECT customer, c FROM (SELECT customer, COUNT(*) AS c FROM orders "
            + "WHERE customer IS NOT NULL GROUP BY customer) WHERE c < 10").expectError("error_filter_before_upsert_sink");
    }

    @Test
    void whenOrderByWithoutLimit_thenNotSupportedInStreaming() {
        f.sql("SELECT id FROM orders ORDER BY amount").expectError("error_order_by");
    }

    @Test
    void whenInsertColumnsMismatch_thenErrorShowsBothSchemas() {
        f.sql("INSERT INTO append_out SELECT id FROM orders").expectError("error_sink_schema");
    }
}
