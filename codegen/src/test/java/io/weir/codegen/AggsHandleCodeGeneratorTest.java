package io.weir.codegen;

import static io.weir.codegen.testutil.SqlFixture.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.codegen.agg.AggsHandleCodeGenerator;
import io.weir.codegen.agg.AggsHandleCodeGenerator.WindowProperty;
import io.weir.codegen.testutil.SqlFixture;
import io.weir.codegen.testutil.SqlFixture.AggRun;
import io.weir.runtime.data.Row;
import io.weir.runtime.generated.AggsHandle;
import io.weir.runtime.generated.ExpressionException;
import io.weir.runtime.generated.NamespaceAggsHandle;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.rel.core.Aggregate;
import org.junit.jupiter.api.Test;

class AggsHandleCodeGeneratorTest {
    private final SqlFixture sql = new SqlFixture();

    private static Row a(int a) {
        return named("a", a);
    }

    private static Row nullA() {
        return named();
    }

    @Test
    void shouldCountRowsAndNonNullValues() {
        AggRun run = sql.aggregate("SELECT COUNT(*), COUNT(a) FROM T", true);
        assertEquals(Row.of(0L, 0L), run.value());
        run.accumulate(a(1), nullA(), a(3));
        assertEquals(Row.of(3L, 2L), run.value());
        run.retract(a(1));
        assertEquals(Row.of(2L, 1L), run.value());
        assertEquals(2L, run.handle.recordCount());
    }

    @Test
    void shouldSumWithSqlNullSemantics() {
        AggRun run = sql.aggregate("SELECT SUM(a), SUM(b), SUM(d), SUM(dbl) FROM T", true);
        assertEquals(Row.of(null, null, null, null), run.value());
        run.accumulate(named("a", 1, "b", 10L, "d", new BigDecimal("1.25"), "dbl", 0.5),
            named("a", 2, "b", 20L, "d", new BigDecimal("2.00"), "dbl", 1.0));
        assertEquals(Row.of(3, 30L, new BigDecimal("3.25"), 1.5), run.value());
        run.retract(named("a", 1, "b", 10L, "d", new BigDecimal("1.25"), "dbl", 0.5),
            named("a", 2, "b", 20L, "d", new BigDecimal("2.00"), "dbl", 1.0));
        assertEquals(Row.of(null, null, null, null), run.value(), "SUM of nothing is NULL again");
    }

    @Test
    void whenSumOverflows_thenErrorNamesAggregateAndRow() {
        AggRun run = sql.aggregate("SELECT SUM(b) FROM T", false);
        run.accumulate(named("b", Long.MAX_VALUE));
        ExpressionException e = assertThrows(ExpressionException.class, () -> run.accumulate(named("b", 1L)));
        assertTrue(e.getMessage().contains("SUM(b)"), e.getMessage());
        assertTrue(e.getMessage().contains("+I[1]"), e.getMessage());
    }

    @Test
    void whenIntSumLeavesIntRange_thenError() {
        AggRun run = sql.aggregate("SELECT SUM(a) FROM T", false);
        run.accumulate(a(Integer.MAX_VALUE), a(1));
        ExpressionException e = assertThrows(ExpressionException.class, run::value);
        assertTrue(e.getMessage().contains("SUM(a)") && e.getMessage().contains("INTEGER overflow"), e.getMessage());
    }

    @Test
    void shouldAverageLikeFlink() {
        AggRun run = sql.aggregate("SELECT AVG(a), AVG(dbl), AVG(d) FROM T", true);
        assertEquals(Row.of(null, null, null), run.value());
        run.accumulate(named("a", 1, "dbl", 1.0, "d", new BigDecimal("1.00")),
            named("a", 2, "dbl", 2.0, "d", new BigDecimal("2.00")));
        Row v = run.value();
        assertEquals(1, v.getField(0), "AVG of INT is an INT, truncated");
        assertEquals(1.5, v.getField(1));
        assertEquals(0, new BigDecimal("1.5").compareTo((BigDecimal) v.getField(2)));
    }

    @Test
    void shouldKeepMinAndMaxCorrectUnderRetraction() {
        AggRun run = sql.aggregate("SELECT MIN(a), MAX(a), MIN(s), MAX(s) FROM T", true);
        run.accumulate(named("a", 5, "s", "m"), named("a", 1, "s", "a"), named("a", 9, "s", "z"),
            named("a", 1, "s", "a"));
        assertEquals(Row.of(1, 9, "a", "z"), run.value());
        run.retract(named("a", 1, "s", "a"));
        assertEquals(Row.of(1, 9, "a", "z"), run.value(), "one of two 1s remains");
        run.retract(named("a", 1, "s", "a"), named("a", 9, "s", "z"));
        assertEquals(Row.of(5, 5, "m", "m"), run.value());
        run.retract(named("a", 5, "s", "m"));
        assertEquals(Row.of(null, null, null, null), run.value());
    }

    @Test
    void whenRetractionNotGenerated_thenMinRefusesToRetract() {
        AggRun run = sql.aggregate("SELECT MIN(a) FROM T", false);
        assertFalse(run.handle.supportsRetract());
        run.accumulate(a(3), a(2));
        assertEquals(Row.of(2), run.value());
        assertThrows(UnsupportedOperationException.class, () -> run.handle.retract(a(2)));
    }

    @Test
    void shouldApplyFilterClauses() {
        AggRun run = sql.aggregate("SELECT COUNT(*) FILTER (WHERE a > 1), SUM(a) FILTER (WHERE a > 1), COUNT(*) FROM T",
            true);
        run.accumulate(a(1), a(2), a(3));
        assertEquals(Row.of(2L, 5, 3L), run.value());
        run.retract(a(3));
        assertEquals(Row.of(1L, 2, 2L), run.value());
    }

    @Test
    void shouldCountDistinctValuesUnderRetraction() {
        AggRun run = sql.aggregate("SELECT COUNT(DISTINCT a), SUM(DISTINCT a), COUNT(*) FROM T", true);
        run.accumulate(a(1), a(1), a(2), nullA());
        assertEquals(Row.of(2L, 3, 4L), run.value());
        run.retract(a(1));
        assertEquals(Row.of(2L, 3, 3L), run.value(), "one 1 is still there");
        run.retract(a(1));
        assertEquals(Row.of(1L, 2, 2L), run.value());
    }

    @Test
    void shouldCountDistinctPairs() {
        AggRun run = sql.aggregate("SELECT COUNT(DISTINCT a, s) FROM T", true);
        run.accumulate(named("a", 1, "s", "x"), named("a", 1, "s", "x"), named("a", 1, "s", "y"), named("a", 1));
        assertEquals(Row.of(2L), run.value());
    }

    @Test
    void shouldTakeFirstAndLastNonNullValues() {
        AggRun run = sql.aggregate("SELECT FIRST_VALUE(a), LAST_VALUE(a) FROM T", true);
        run.accumulate(nullA(), a(1), a(2), a(3), nullA());
        assertEquals(Row.of(1, 3), run.value());
        run.retract(a(1), a(3));
        assertEquals(Row.of(2, 2), run.value());
        AggRun appendOnly = sql.aggregate("SELECT FIRST_VALUE(a), LAST_VALUE(a) FROM T", false);
        appendOnly.accumulate(a(1), a(2), nullA());
        assertEquals(Row.of(1, 2), appendOnly.value());
    }

    @Test
    void shouldConcatenateWithListAgg() {
        AggRun run = sql.aggregate("SELECT LISTAGG(s), LISTAGG(s, '|') FROM T", true);
        assertEquals(Row.of(null, null), run.value());
        run.accumulate(named("s", "x"), named(), named("s", "y"));
        assertEquals(Row.of("x,y", "x|y"), run.value());
        run.retract(named("s", "x"));
        assertEquals(Row.of("y", "y"), run.value());
    }

    @Test
    void shouldComputeVarianceAndStddev() {
        AggRun run = sql.aggregate("SELECT VAR_POP(dbl), VAR_SAMP(dbl), STDDEV_POP(dbl), STDDEV_SAMP(dbl) FROM T", true);
        run.accumulate(named("dbl", 2.0));
        assertEquals(Row.of(0.0, null, 0.0, null), run.value());
        run.accumulate(named("dbl", 4.0), named("dbl", 4.0), named("dbl", 4.0), named("dbl", 5.0),
            named("dbl", 5.0), named("dbl", 7.0), named("dbl", 9.0));
        Row v = run.value();
        assertEquals(4.0, (Double) v.getField(0), 1e-9);
        assertEquals(32.0 / 7, (Double) v.getField(1), 1e-9);
        assertEquals(2.0, (Double) v.getField(2), 1e-9);
        run.retract(named("dbl", 9.0));
        assertEquals(7, run.handle.recordCount());
    }

    @Test
    void shouldStoreAndRestoreAccumulators() {
        AggRun run = sql.aggregate("SELECT COUNT(DISTINCT a), MAX(a), SUM(a), LISTAGG(s) FROM T", true);
        run.accumulate(named("a", 1, "s", "x"), named("a", 2, "s", "y"));
        Row acc = run.handle.getAccumulators();
        assertEquals(acc.arity(), run.handle.accumulatorType().arity());
        run.handle.resetAccumulators();
        assertEquals(Row.of(0L, null, null, null), run.value());
        run.handle.setAccumulators(acc);
        assertEquals(Row.of(2L, 2, 3, "x,y"), run.value());
        assertEquals(Row.of(0L, null, null, null), withAccumulators(run.handle, run.handle.createAccumulators()));
    }

    private static Row withAccumulators(AggsHandle handle, Row acc) {
        handle.setAccumulators(acc);
        return handle.getValue();
    }

    @Test
    void shouldMergeAccumulatorsOfTwoSlices() {
        AggRun first = sql.aggregate("SELECT COUNT(*), COUNT(DISTINCT a), SUM(a), MIN(a), AVG(dbl), LAST_VALUE(a) FROM T",
            false);
        AggRun second = sql.aggregate("SELECT COUNT(*), COUNT(DISTINCT a), SUM(a), MIN(a), AVG(dbl), LAST_VALUE(a) FROM T",
            false);
        first.accumulate(named("a", 1, "dbl", 1.0), named("a", 2, "dbl", 3.0));
        second.accumulate(named("a", 2, "dbl", 5.0), named("a", 0, "dbl", 7.0));
        first.handle.merge(second.handle.getAccumulators());
        assertEquals(Row.of(4L, 3L, 5, 0, 4.0, 0), first.value());
        assertEquals(4L, first.handle.recordCount());
    }

    @Test
    void shouldAppendWindowPropertiesForWindows() {
        Aggregate agg = sql.aggregate("SELECT COUNT(*) FROM T");
        NamespaceAggsHandle handle = AggsHandleCodeGenerator.generateForWindow(agg.getInput().getRowType(),
            agg.getAggCallList(), false,
            List.of(WindowProperty.WINDOW_START, WindowProperty.WINDOW_END, WindowProperty.WINDOW_TIME))
            .newInstance(getClass().getClassLoader());
        handle.accumulate(named());
        assertEquals(Row.of(1L, 1000L, 2000L, 1999L), handle.getValue(1000L, 2000L));
    }

    @Test
    void whenAggregateUnsupported_thenGenerationSaysSo() {
        Aggregate agg = sql.aggregate("SELECT BIT_AND(a) FROM T");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
            () -> AggsHandleCodeGenerator.generate(agg.getInput().getRowType(), agg.getAggCallList(), false));
        assertTrue(e.getMessage().contains("not supported yet: aggregate function BIT_AND"), e.getMessage());
    }

    @Test
    void whenListAggIsOrdered_thenGenerationSaysItIsNotSupported() {
        Aggregate agg = sql.aggregate("SELECT LISTAGG(s) WITHIN GROUP (ORDER BY a) FROM T");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
            () -> AggsHandleCodeGenerator.generate(agg.getInput().getRowType(), agg.getAggCallList(), false));
        assertTrue(e.getMessage().contains("not supported yet: WITHIN GROUP"), e.getMessage());
    }
}
