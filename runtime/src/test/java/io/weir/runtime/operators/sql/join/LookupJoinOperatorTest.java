package io.weir.runtime.operators.sql.join;

import static io.weir.runtime.operators.sql.join.JoinTesting.INPUT_TYPE;
import static io.weir.runtime.operators.sql.join.JoinTesting.UTC;
import static io.weir.runtime.operators.sql.join.JoinTesting.ins;
import static io.weir.runtime.operators.sql.join.JoinTesting.row;
import static io.weir.runtime.operators.sql.join.JoinTesting.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.runtime.connector.LookupFunction;
import io.weir.runtime.connector.SourceContext;
import io.weir.runtime.connector.SupportsLookup;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.generated.JoinCondition;
import io.weir.runtime.generated.KeyProjection;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.tasks.OperatorRestoreState;
import io.weir.runtime.testutils.OperatorHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LookupJoinOperatorTest {

    /** A table {@code (k STRING, v BIGINT, ts BIGINT)} looked up by {@code k}; counts how often it was opened. */
    private static final class FakeTable implements SupportsLookup {
        final List<Row> rows = new ArrayList<>();
        int opened;
        int closed;

        @Override
        public LookupFunction createLookupFunction(int[] keyFields) {
            return new LookupFunction() {
                @Override
                public void open(SourceContext context) {
                    opened++;
                }

                @Override
                public List<Row> lookup(Row key) {
                    List<Row> out = new ArrayList<>();
                    for (Row r : rows) {
                        if (r.getField(keyFields[0]).equals(key.getField(0))) {
                            out.add(r);
                        }
                    }
                    return out;
                }

                @Override
                public void close() {
                    closed++;
                }
            };
        }
    }

    private static final KeyProjection KEY = r -> Row.of(r.getField(0));

    private static OperatorFactory factory(JoinType type, FakeTable table, JoinCondition condition) {
        return OperatorFactory.of("lookup", "lookup-uid", () -> new LookupJoinOperator(type, INPUT_TYPE, INPUT_TYPE,
            table, new int[] {0}, () -> KEY, () -> condition, UTC));
    }

    private static FakeTable table() {
        FakeTable t = new FakeTable();
        t.rows.add(ins("a", 100));
        t.rows.add(ins("a", 200));
        t.rows.add(ins("b", 300));
        return t;
    }

    @Test
    void shouldJoinEveryMatchingRowAndDropRowsWithoutMatchOnInnerJoin() throws Exception {
        try (OperatorHarness h = OperatorHarness.builder(factory(JoinType.INNER, table(), null)).open()) {
            h.processElement(ins("a", 1)).processElement(ins("c", 2)).processElement(ins("b", 3));
            assertEquals(List.of("+I[a, 1, 0, a, 100, 0]", "+I[a, 1, 0, a, 200, 0]", "+I[b, 3, 0, b, 300, 0]"),
                strings(h.rows()));
        }
    }

    @Test
    void whenNothingPassesTheResidualCondition_thenLeftJoinPadsWithNulls() throws Exception {
        JoinCondition bigger = (l, r) -> (Long) r.getField(1) > 150;
        try (OperatorHarness h = OperatorHarness.builder(factory(JoinType.LEFT, table(), bigger)).open()) {
            h.processElement(ins("a", 1)).processElement(ins("b", 2)).processElement(ins("c", 3));
            assertEquals(List.of("+I[a, 1, 0, a, 200, 0]", "+I[b, 2, 0, b, 300, 0]", "+I[c, 3, 0, null, null, null]"),
                strings(h.rows()));
        }
    }

    @Test
    void whenKeyIsNull_thenNothingMatches() throws Exception {
        FakeTable t = table();
        try (OperatorHarness h = OperatorHarness.builder(factory(JoinType.LEFT, t, null)).open()) {
            h.processElement(Row.of(null, 1L, 0L));
            assertEquals(List.of("+I[null, 1, 0, null, null, null]"), strings(h.rows()));
        }
    }

    @Test
    void shouldKeepTheRowKindOfUpdatingInput() throws Exception {
        try (OperatorHarness h = OperatorHarness.builder(factory(JoinType.LEFT, table(), null)).open()) {
            h.processElement(row(RowKind.UPDATE_BEFORE, "b", 1)).processElement(row(RowKind.UPDATE_AFTER, "b", 2))
                .processElement(row(RowKind.DELETE, "c", 3));
            assertEquals(List.of("-U[b, 1, 0, b, 300, 0]", "+U[b, 2, 0, b, 300, 0]", "-D[c, 3, 0, null, null, null]"),
                strings(h.rows()));
        }
    }

    @Test
    void whenRestored_thenTheTableIsLookedUpThroughAFreshFunctionAndNothingWasCheckpointed() throws Exception {
        FakeTable t = table();
        OperatorRestoreState state;
        try (OperatorHarness h = OperatorHarness.builder(factory(JoinType.INNER, t, null)).open()) {
            h.processElement(ins("b", 1));
            state = h.snapshot();
        }
        t.rows.add(ins("b", 400));
        try (OperatorHarness h = OperatorHarness.builder(factory(JoinType.INNER, t, null)).restoreFrom(state).open()) {
            h.processElement(ins("b", 2));
            assertEquals(List.of("+I[b, 2, 0, b, 300, 0]", "+I[b, 2, 0, b, 400, 0]"), strings(h.rows()));
        }
        assertEquals(2, t.opened);
        assertEquals(2, t.closed);
    }

    @Test
    void whenJoinTypeIsRightOrFull_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> LookupJoinOperator.factory("l", "u", JoinType.RIGHT,
            INPUT_TYPE, INPUT_TYPE, table(), new int[] {0}, null, null, UTC));
    }
}
