package io.weir.planner;

import io.weir.planner.testing.PlanFixture;
import io.weir.planner.schema.ColumnDescriptor;
import io.weir.runtime.types.DataType;
import io.weir.planner.exec.ExecNode;
import io.weir.planner.exec.OperatorSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden-file plans of regular joins (src/test/resources/plans/join_*.plan). */
class JoinPlanTest {
    private final PlanFixture f = PlanFixture.of(StreamPlanTest.catalog()
        .table("shipments", List.of(
            ColumnDescriptor.physical("order_id", DataType.bigint()),
            ColumnDescriptor.physical("sts", DataType.timestamp(3)),
            ColumnDescriptor.computed("spt", "PROCTIME()")),
            "sts", "sts - INTERVAL '1' SECOND", List.of(), Map.of("connector", "test-source")));

    @Test
    void shouldPlanRowtimeIntervalJoinAsInsertOnly() {
        f.sql("SELECT o.id, s.sts FROM orders o JOIN shipments s ON o.id = s.order_id"
            + " AND s.sts BETWEEN o.ts AND o.ts + INTERVAL '1' HOUR").expectPlan("interval_join_rowtime");
    }

    @Test
    void shouldPlanProctimeLeftIntervalJoin() {
        f.sql("SELECT o.id, s.order_id FROM orders o LEFT JOIN shipments s ON o.id = s.order_id"
            + " AND o.pt > s.spt - INTERVAL '10' SECOND AND o.pt <= s.spt").expectPlan("interval_join_proctime_left");
    }

    @Test
    void whenTimeBoundsMixRowtimeAndPlainTimestamp_thenRegularJoin() {
        f.sql("SELECT o.id FROM orders o JOIN clicks c ON o.id = c.user_id"
            + " AND c.cts BETWEEN o.ts AND o.ts + INTERVAL '1' MINUTE").expectPlan("interval_join_not_time_attribute");
    }

    @Test
    void shouldPlanInnerEquiJoinOverInsertOnlyInputsAsInsertOnly() {
        f.sql("SELECT o.id, o.amount, c.url FROM orders o JOIN clicks c ON o.id = c.user_id")
            .expectPlan("join_inner");
    }

    @Test
    void shouldPlanLeftJoinWithResidualConditionAsRetracting() {
        f.sql("SELECT o.id, c.url FROM orders o LEFT JOIN clicks c ON o.id = c.user_id AND o.amount > 10"
            + " AND c.cts > o.ts").expectPlan("join_left_residual");
    }

    @Test
    void shouldPlanFullJoinOfAggregatesWithUniqueKeys() {
        f.sql("SELECT a.customer, a.total, b.cnt FROM "
            + "(SELECT customer, SUM(amount) AS total FROM orders GROUP BY customer) a FULL JOIN "
            + "(SELECT url, COUNT(*) AS cnt FROM clicks GROUP BY url) b ON a.customer = b.url")
            .expectPlan("join_full_updating");
    }

    @Test
    void whenOuterJoinFeedsAppendSink_thenRefused() {
        f.sql("INSERT INTO append_out SELECT o.customer, c.user_id FROM orders o LEFT JOIN clicks c ON o.id = c.user_id")
            .expectError("error_outer_join_into_append_sink");
    }

    @Test
    void shouldPlanJoinWithoutEquiKeysOnOneTask() {
        f.sql("SELECT o.id, c.url FROM orders o JOIN clicks c ON o.amount > c.user_id").expectPlan("join_non_equi");
    }

    @Test
    void shouldPlanInSubqueryAsJoinWithDistinctKeys() {
        f.sql("SELECT id, amount FROM orders WHERE id IN (SELECT user_id FROM clicks WHERE url = 'x')")
            .expectPlan("join_in_subquery");
    }

    @Test
    void shouldPlanCorrelatedExistsAsJoin() {
        f.sql("SELECT id FROM orders o WHERE EXISTS (SELECT 1 FROM clicks c WHERE c.user_id = o.id AND c.url = 'y')")
            .expectPlan("join_exists_subquery");
    }

    @Test
    void shouldPlanNotInSubquery() {
        f.sql("SELECT id FROM orders WHERE id NOT IN (SELECT user_id FROM clicks)")
            .expectPlan("join_not_in_subquery");
    }

    @Test
    void shouldPassStateTtlAndChooseStateLayoutFromUniqueKeys() {
        PlannedQuery q = f.set("table.exec.state.ttl", "1 h").sql("SELECT o.id, a.total FROM orders o JOIN "
            + "(SELECT customer, SUM(amount) AS total FROM orders GROUP BY customer) a ON o.customer = a.customer").plan();
        OperatorSpec.Join join = q.execGraph().nodes().stream().map(ExecNode::spec)
            .filter(s -> s instanceof OperatorSpec.Join).map(s -> (OperatorSpec.Join) s).findFirst().orElseThrow();
        assertEquals(Duration.ofHours(1), join.stateTtl());
        assertFalse(join.leftInput().joinKeyContainsUniqueKey());
        assertNull(join.leftInput().uniqueKey());
        assertTrue(join.rightInput().joinKeyContainsUniqueKey());
    }

    @Test
    void shouldKeepRowsByUniqueKeyWhenJoinKeyIsNotUnique() {
        PlannedQuery q = f.sql("SELECT a.customer, a.amount, a.total, o.id FROM "
            + "(SELECT customer, amount, SUM(id) AS total FROM orders GROUP BY customer, amount) a "
            + "JOIN orders o ON a.customer = o.customer").plan();
        OperatorSpec.Join join = q.execGraph().nodes().stream().map(ExecNode::spec)
            .filter(s -> s instanceof OperatorSpec.Join).map(s -> (OperatorSpec.Join) s).findFirst().orElseThrow();
        assertArrayEquals(new int[] {0, 1}, join.leftInput().uniqueKey());
        assertEquals(Duration.ZERO, join.stateTtl());
    }

    @Test
    void shouldAppendInsertOnlyRowsWithoutUniqueKeyOnlyOnSidesNoOuterJoinPreserves() {
        PlannedQuery q = f.sql("SELECT o.id, c.url FROM orders o LEFT JOIN clicks c ON o.id = c.user_id").plan();
        OperatorSpec.Join join = q.execGraph().nodes().stream().map(ExecNode::spec)
            .filter(s -> s instanceof OperatorSpec.Join).map(s -> (OperatorSpec.Join) s).findFirst().orElseThrow();
        assertFalse(join.leftInput().appendOnly(), "the preserved side keeps association counts");
        assertTrue(join.rightInput().appendOnly());
    }
}
