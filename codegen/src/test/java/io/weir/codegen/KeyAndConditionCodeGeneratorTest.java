package io.weir.codegen;

import static io.weir.codegen.testutil.SqlFixture.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.codegen.expr.ExprCodeGenerator;
import io.weir.codegen.expr.ExprTranslator;
import io.weir.codegen.expr.KeyCodeGenerator;
import io.weir.codegen.expr.KeyCodeGenerator.SortKey;
import io.weir.codegen.testutil.SqlFixture;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.generated.ExpressionException;
import io.weir.runtime.generated.JoinCondition;
import io.weir.runtime.generated.KeyProjection;
import io.weir.runtime.generated.Predicate;
import io.weir.runtime.generated.RecordComparator;
import io.weir.runtime.generated.WatermarkExpression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.junit.jupiter.api.Test;

class KeyAndConditionCodeGeneratorTest {
    private final SqlFixture sql = new SqlFixture();
    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void shouldProjectFreshKeyRows() {
        KeyProjection keys = KeyCodeGenerator.keyProjection(new int[] {2, 0}).newInstance(loader);
        Row in = Row.ofKind(RowKind.DELETE, 1, 2L, "x");
        Row key = keys.getKey(in);
        assertEquals(Row.of("x", 1), key);
        assertNotSame(key, keys.getKey(in));
        assertEquals(Row.of("x", 1).hashCode(), key.hashCode());
    }

    @Test
    void shouldOrderByDirectionsAndNullPlacement() {
        RelDataType type = sql.plan("SELECT a, s FROM T").getRowType();
        RecordComparator cmp = KeyCodeGenerator.comparator(type, SortKey.of(0, false), SortKey.of(1, true))
            .newInstance(loader);
        List<Row> rows = new ArrayList<>(Arrays.asList(Row.of(1, "b"), Row.of(null, "a"), Row.of(2, "z"),
            Row.of(1, null), Row.of(1, "a")));
        rows.sort(cmp);
        assertEquals(List.of(Row.of(2, "z"), Row.of(1, null), Row.of(1, "a"), Row.of(1, "b"), Row.of(null, "a")), rows,
            "DESC puts NULLs last, ASC puts them first (Flink's defaults)");
    }

    @Test
    void shouldHonourExplicitNullDirectionsOfACollation() {
        RelDataType type = sql.plan("SELECT b FROM T").getRowType();
        RecordComparator cmp = KeyCodeGenerator.comparator(type, RelCollations.of(new RelFieldCollation(0,
            RelFieldCollation.Direction.ASCENDING, RelFieldCollation.NullDirection.LAST))).newInstance(loader);
        assertTrue(cmp.compare(Row.of((Object) null), Row.of(5L)) > 0);
        assertTrue(cmp.compare(Row.of(4L), Row.of(5L)) < 0);
        assertEquals(0, cmp.compare(Row.of(5L), Row.of(5L)));
    }

    @Test
    void shouldTestPredicatesWithNullAsFalse() {
        Filter filter = (Filter) sql.plan("SELECT * FROM T WHERE a > 1 AND s LIKE 'x%'").getInput(0);
        Predicate p = generator(filter.getCluster().getRexBuilder())
            .predicate(filter.getInput().getRowType(), filter.getCondition()).newInstance(loader);
        assertTrue(p.test(named("a", 2, "s", "xy")));
        assertFalse(p.test(named("a", 2, "s", "yy")));
        assertFalse(p.test(named("s", "xy")));
    }

    @Test
    void shouldTestJoinConditionsOverBothRows() {
        Project project = (Project) sql.plan("SELECT a, s FROM T");
        RexBuilder rb = project.getCluster().getRexBuilder();
        RelDataType side = project.getRowType();
        RexNode cond = rb.makeCall(SqlStdOperatorTable.AND,
            rb.makeCall(SqlStdOperatorTable.EQUALS, rb.makeInputRef(side.getFieldList().get(0).getType(), 0),
                rb.makeInputRef(side.getFieldList().get(0).getType(), 2)),
            rb.makeCall(SqlStdOperatorTable.LESS_THAN, rb.makeInputRef(side.getFieldList().get(1).getType(), 1),
                rb.makeInputRef(side.getFieldList().get(1).getType(), 3)));
        JoinCondition join = generator(rb).joinCondition(side, side, cond).newInstance(loader);
        assertTrue(join.test(Row.of(1, "a"), Row.of(1, "b")));
        assertFalse(join.test(Row.of(1, "b"), Row.of(1, "a")));
        assertFalse(join.test(Row.of(1, "a"), Row.of(2, "b")));
        assertFalse(join.test(Row.of(null, "a"), Row.of(null, "b")));
    }

    @Test
    void shouldComputeWatermarksAndNoneForNull() {
        Project project = (Project) sql.plan("SELECT ts - INTERVAL '5' SECOND FROM T");
        WatermarkExpression wm = generator(project.getCluster().getRexBuilder())
            .watermark(project.getInput().getRowType(), project.getProjects().get(0)).newInstance(loader);
        assertEquals(5_000L, wm.currentWatermark(named("ts", 10_000L)));
        assertEquals(WatermarkExpression.NO_WATERMARK, wm.currentWatermark(named()));
        assertNull(wm.watermarkFor(named()));
        assertEquals(5_000L, wm.watermarkFor(named("ts", 10_000L)));
    }

    @Test
    void whenPredicateFails_thenErrorNamesConditionAndRow() {
        Filter filter = (Filter) sql.plan("SELECT * FROM T WHERE 10 / a > 1").getInput(0);
        Predicate p = generator(filter.getCluster().getRexBuilder())
            .predicate(filter.getInput().getRowType(), filter.getCondition()).newInstance(loader);
        ExpressionException e = assertThrows(ExpressionException.class, () -> p.test(named("a", 0)));
        assertTrue(e.getMessage().startsWith("Error evaluating WHERE >(/(10, a), 1) on row +I[0,"), e.getMessage());
    }

    private static ExprCodeGenerator generator(RexBuilder rb) {
        return new ExprCodeGenerator(new ExprTranslator(rb, true));
    }
}
