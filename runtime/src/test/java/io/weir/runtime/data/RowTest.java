package io.weir.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RowTest {
    @Test
    void shouldPrintInFlinkChangelogForm() {
        assertEquals("+I[1, abc, null]", Row.of(1, "abc", null).toString());
        assertEquals("-U[x]", Row.ofKind(RowKind.UPDATE_BEFORE, "x").toString());
    }

    @Test
    void shouldCompareKindAndDeepFieldValues() {
        assertEquals(Row.of(1, new byte[] {1, 2}), Row.of(1, new byte[] {1, 2}));
        assertNotEquals(Row.of(1), Row.ofKind(RowKind.DELETE, 1));
        assertTrue(Row.of(1).fieldsEqual(Row.ofKind(RowKind.DELETE, 1)));
    }

    @Test
    void shouldCopyWithoutSharingTheFieldArray() {
        Row r = Row.of(1, 2);
        Row c = r.copy();
        c.setField(0, 9);
        assertEquals(1, r.getField(0));
    }

    @Test
    void shouldMapRowKindsToStableBytesAndShortStrings() {
        for (RowKind k : RowKind.values()) {
            assertEquals(k, RowKind.fromByteValue(k.toByteValue()));
            assertEquals(k, RowKind.fromShortString(k.shortString()));
        }
        assertThrows(IllegalArgumentException.class, () -> RowKind.fromShortString("+X"));
    }

    @Test
    void shouldHashLikeDeepHashCodeSoKeyGroupsStayStable() {
        Object[][] samples = {
            {1, "a", null, 2L},
            {new byte[] {1, 2, 3}, java.math.BigDecimal.valueOf(105, 2), 3.5d},
            {java.util.List.of(1, 2), java.util.Map.of("k", 1), Row.of(1, "x")},
            {},
        };
        for (Object[] s : samples) {
            assertEquals(java.util.Arrays.deepHashCode(s), Row.of(s.clone()).hashCode());
        }
        assertEquals(Row.of(new byte[] {1}, "x"), Row.of(new byte[] {1}, "x"));
        assertNotEquals(Row.of(new byte[] {1}, "x"), Row.of(new byte[] {2}, "x"));
        assertNotEquals(Row.of(1, null), Row.of(1, 2));
        assertNotEquals(Row.of(1), Row.of(1, 2));
    }
}
