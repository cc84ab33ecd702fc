package io.weir.planner;

import io.weir.planner.calcite.PlannerContext;
import io.weir.planner.schema.ColumnDescriptor;
import io.weir.runtime.types.DataType;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelRoot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class SmokeTest {
    @Test
    void shouldConvert() {
        InMemoryCatalog cat = new InMemoryCatalog().table("orders", List.of(
            ColumnDescriptor.physical("id", DataType.bigint()),
            ColumnDescriptor.physical("amount", DataType.integer()),
            ColumnDescriptor.physical("ts", DataType.timestamp(3)),
            ColumnDescriptor.computed("pt", "PROCTIME()")), "ts", "ts - INTERVAL '5' SECOND", List.of(), Map.of());
        for (String sql : List.of("SELECT id, amount + 1 AS a FROM orders WHERE amount > 10",
            "SELECT window_start, window_end, COUNT(*) AS c, SUM(amount) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' MINUTE)) GROUP BY window_start, window_end",
            "SELECT window_start, window_end, COUNT(*) AS c FROM TABLE(CUMULATE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '10' MINUTE)) GROUP BY window_start, window_end",
            "SELECT window_start, window_end, id, COUNT(*) AS c FROM TABLE(SESSION(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' MINUTE)) GROUP BY window_start, window_end, id")) {
            PlannerContext ctx = new PlannerContext(cat);
            RelRoot root = ctx.toRel(ctx.parseQuery(sql));
            System.out.println(RelOptUtil.dumpPlan("", root.project(), org.apache.calcite.sql.SqlExplainFormat.TEXT, org.apache.calcite.sql.SqlExplainLevel.EXPPLAN_ATTRIBUTES));
        }
    }
}
