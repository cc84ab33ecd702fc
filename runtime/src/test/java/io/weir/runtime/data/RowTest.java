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
}
