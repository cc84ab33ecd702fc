package io.weir.runtime.operators.sql.correlate;

import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.sql.correlate.UnnestOperator.ElementKind;
import io.weir.runtime.testutils.OperatorHarness;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UnnestOperatorTest {

    private static List<String> run(OperatorFactory f, Row... rows) throws Exception {
        try (OperatorHarness h = OperatorHarness.builder(f).open()) {
            for (Row r : rows) {
                h.processElement(r);
            }
            List<String> out = new ArrayList<>();
            h.rows().forEach(r -> out.add(r.toString()));
            return out;
        }
    }

    @Test
    void shouldEmitOneRowPerElementWithTheInputKindAndOrdinality() throws Exception {
        OperatorFactory f = UnnestOperator.factory("u", "u", 1, 2, 1, ElementKind.VALUE, true, false);
        assertEquals(List.of("+I[1, [a, b], a, 1]", "+I[1, [a, b], b, 2]", "-U[2, [c], c, 1]"),
            run(f, Row.of(1, List.of("a", "b")), Row.ofKind(RowKind.UPDATE_BEFORE, 2, List.of("c"))));
    }

    @Test
    void whenCollectionIsEmptyOrNull_thenInnerDropsAndOuterPads() throws Exception {
        Row empty = Row.of(1, List.of());
        Row none = Row.ofKind(RowKind.DELETE, 2, null);
        assertEquals(List.of(), run(UnnestOperator.factory("u", "u", 1, 2, 1, ElementKind.VALUE, false, false),
            empty, none));
        assertEquals(List.of("+I[1, [], null, null]", "-D[2, null, null, null]"),
            run(UnnestOperator.factory("u", "u", 1, 2, 1, ElementKind.VALUE, true, true), empty, none));
    }

    @Test
    void shouldExpandRowElementsIntoTheirFields() throws Exception {
        OperatorFactory f = UnnestOperator.factory("u", "u", 0, 1, 2, ElementKind.ROW, false, false);
        List<Row> items = Arrays.asList(Row.of("x", 2), null);
        assertEquals(List.of("+I[[+I[x, 2], null], x, 2]", "+I[[+I[x, 2], null], null, null]"),
            run(f, Row.of(items)));
    }

    @Test
    void shouldUnnestMapEntriesIntoKeyAndValue() throws Exception {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("a", 1);
        m.put("b", null);
        OperatorFactory f = UnnestOperator.factory("u", "u", 0, 1, 2, ElementKind.MAP_ENTRY, false, false);
        assertEquals(List.of("+I[{a=1, b=null}, a, 1]", "+I[{a=1, b=null}, b, null]"), run(f, Row.of(m)));
    }

    @Test
    void shouldRepeatMultisetElementsByTheirCount() throws Exception {
        Map<String, Integer> multiset = new LinkedHashMap<>();
        multiset.put("a", 2);
        multiset.put("b", 1);
        OperatorFactory f = UnnestOperator.factory("u", "u", 0, 1, 1, ElementKind.VALUE, true, false);
        assertEquals(List.of("+I[{a=2, b=1}, a, 1]", "+I[{a=2, b=1}, a, 2]", "+I[{a=2, b=1}, b, 3]"),
            run(f, Row.of(multiset)));
    }

    @Test
    void whenElementArityDoesNotFitTheKind_thenConstructionFails() {
        assertThrows(IllegalArgumentException.class, () -> new UnnestOperator(0, 1, 3, ElementKind.MAP_ENTRY, false, false));
    }
}
