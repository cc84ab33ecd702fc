package io.weir.codegen;

import static io.weir.codegen.testutil.SqlFixture.named;
import static io.weir.codegen.testutil.SqlFixture.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.codegen.testutil.SqlFixture;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.generated.Calc;
import io.weir.runtime.generated.ExpressionException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CalcCodeGeneratorTest {
    private final SqlFixture sql = new SqlFixture();

    @Test
    void shouldProjectAndFilterInOneCall() {
        Calc calc = sql.calc("SELECT a + 1, UPPER(s) FROM T WHERE a > 10");
        assertNull(calc.apply(named("a", 5, "s", "x")));
        Row out = calc.apply(named("a", 11, "s", "x"));
        assertEquals(Row.of(12, "X"), out);
    }

    @Test
    void shouldTreatNullConditionAsFalse() {
        Calc calc = sql.calc("SELECT a FROM T WHERE a > 10");
        assertNull(calc.apply(row()));
    }

    @Test
    void shouldKeepTheInputRowKind() {
        Calc calc = sql.calc("SELECT a FROM T");
        Row in = named("a", 1);
        in.setKind(RowKind.UPDATE_BEFORE);
        assertEquals(RowKind.UPDATE_BEFORE, calc.apply(in).getKind());
    }

    @Test
    void shouldPropagateNulls() {
        assertNull(sql.eval("a + b", named("a", 1)));
        assertEquals(3L, sql.eval("a + b", named("a", 1, "b", 2L)));
    }

    @Test
    void shouldUseWeirStorageTypesForOutputs() {
        assertEquals(new BigDecimal("3.50"), sql.eval("d + 1", named("d", new BigDecimal("2.50"))));
        assertEquals(1_000L, sql.eval("ts + INTERVAL '1' SECOND", named("ts", 0L)));
        assertEquals(2.5f, sql.eval("f", named("f", 2.5f)));
        assertEquals(3.5f, sql.eval("f + 1", named("f", 2.5f)));
        assertEquals(19_724, sql.eval("dt + INTERVAL '1' DAY", named("dt", 19_723)));
        assertArrayEquals(new byte[] {1, 2}, (byte[]) sql.eval("bin", named("bin", new byte[] {1, 2})));
        assertEquals((short) 3, sql.eval("CAST(a AS SMALLINT)", named("a", 3)));
        assertEquals(new BigDecimal("1.0"), sql.eval("IF(a > 1, 1, 2.5)", named("a", 3)), "DECIMAL keeps its scale");
    }

    @Test
    void shouldReadNestedRowFields() {
        Row nested = Row.of(7, "seven");
        assertEquals(8, sql.eval("T.r.x + 1", named("r", nested)));
        assertEquals("seven", sql.eval("T.r.y", named("r", nested)));
        assertNull(sql.eval("T.r.y", row()));
        Calc filtered = sql.calc("SELECT T.r.y FROM T WHERE T.r.x > 1");
        assertEquals(Row.of("seven"), filtered.apply(named("r", nested)));
    }

    @Test
    void shouldRunCaseAndSearch() {
        assertEquals("big", sql.eval("CASE WHEN a > 5 THEN 'big' ELSE 'small' END", named("a", 6)));
        assertEquals(true, sql.eval("a IN (1, 2, 3)", named("a", 2)));
        assertEquals(false, sql.eval("a BETWEEN 5 AND 10", named("a", 2)));
    }

    @Test
    void whenDividingByZero_thenErrorNamesExpressionAndRow() {
        Calc calc = sql.calc("SELECT a / b FROM T");
        ExpressionException e = assertThrows(ExpressionException.class, () -> calc.apply(named("a", 1, "b", 0L)));
        assertTrue(e.getMessage().contains("a, b") || e.getMessage().contains("/(a, b)"), e.getMessage());
        assertTrue(e.getMessage().contains("+I[1, 0,"), e.getMessage());
    }

    @Test
    void whenIntegerArithmeticOverflows_thenErrorNamesExpressionAndRow() {
        Calc calc = sql.calc("SELECT a * 2 FROM T");
        ExpressionException e = assertThrows(ExpressionException.class,
            () -> calc.apply(named("a", Integer.MAX_VALUE)));
        assertTrue(e.getMessage().contains("*(a, 2)"), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(Integer.MAX_VALUE)), e.getMessage());
    }

    @Test
    void whenCastFails_thenErrorNamesExpression() {
        Calc calc = sql.calc("SELECT CAST(s AS INT) FROM T");
        ExpressionException e = assertThrows(ExpressionException.class, () -> calc.apply(named("s", "abc")));
        assertTrue(e.getMessage().contains("CAST(s)"), e.getMessage());
        assertNull(sql.eval("TRY_CAST(s AS INT)", named("s", "abc")));
    }

    @Test
    void shouldReturnFreshRowsUnlessReuseIsAsked() {
        Calc calc = sql.calc("SELECT a FROM T");
        assertTrue(calc.apply(named("a", 1)) != calc.apply(named("a", 1)));
        Calc reusing = sql.calc("SELECT a FROM T", true);
        Row first = reusing.apply(named("a", 1));
        assertSame(first, reusing.apply(named("a", 2)));
        assertEquals(Row.of(2), first);
    }

    @Test
    void shouldCompileEqualSourcesOnce() {
        Calc first = sql.calc("SELECT a + 1 FROM T");
        Calc second = sql.calc("SELECT a + 1 FROM T");
        assertSame(first.getClass(), second.getClass());
    }

    @Test
    void shouldBuildNestedRows() {
        assertEquals(Row.of(1, "x"), sql.eval("ROW(a, s)", named("a", 1, "s", "x")));
    }

    @Test
    void shouldSplitWideProjectionsOverSeveralMethods() {
        StringBuilder select = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            select.append(i == 0 ? "" : ", ").append("CASE WHEN a > ").append(i).append(" THEN a * ").append(i)
                .append(" ELSE CHAR_LENGTH(s) + ").append(i).append(" END");
        }
        Calc calc = sql.calc("SELECT " + select + " FROM T WHERE a IS NOT NULL");
        Row out = calc.apply(named("a", 100, "s", "xy"));
        assertEquals(150, out.arity());
        assertEquals(100 * 99, out.getField(99));
        assertEquals(2 + 149, out.getField(149));
    }

    @Test
    void shouldFilterOnBooleanColumnsAndFloatComparisons() {
        Calc calc = sql.calc("SELECT a FROM T WHERE bool AND f > 1.5");
        assertEquals(Row.of(1), calc.apply(named("a", 1, "bool", true, "f", 2.0f)));
        assertNull(calc.apply(named("a", 1, "bool", false, "f", 2.0f)));
        assertNull(calc.apply(named("a", 1, "bool", true, "f", 1.0f)));
        assertNull(calc.apply(named("a", 1, "f", 2.0f)));
        Calc negated = sql.calc("SELECT a FROM T WHERE NOT bool");
        assertEquals(Row.of(2), negated.apply(named("a", 2, "bool", false)));
    }

    @Test
    void whenDecimalCastOverflows_thenErrorNamesExpression() {
        Calc calc = sql.calc("SELECT CAST(d AS DECIMAL(3, 1)) FROM T");
        assertEquals(Row.of(new BigDecimal("12.5")), calc.apply(named("d", new BigDecimal("12.50"))));
        ExpressionException e = assertThrows(ExpressionException.class,
            () -> calc.apply(named("d", new BigDecimal("12345.00"))));
        assertTrue(e.getMessage().contains("CAST(d)"), e.getMessage());
    }
}
