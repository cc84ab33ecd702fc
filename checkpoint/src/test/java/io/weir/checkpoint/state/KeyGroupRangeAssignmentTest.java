package io.weir.checkpoint.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyGroupRangeAssignmentTest {

    @Test
    void shouldCoverAllKeyGroupsWithContiguousRangesThatMapBackToTheirSubtask() {
        for (int maxParallelism : new int[] {1, 7, 128, 1000}) {
            for (int parallelism = 1; parallelism <= Math.min(maxParallelism, 13); parallelism++) {
                int next = 0;
                for (int i = 0; i < parallelism; i++) {
                    KeyGroupRange r = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism, i);
                    assertEquals(next, r.getStartKeyGroup());
                    for (int kg : r) {
                        assertEquals(i, KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(maxParallelism, parallelism, kg));
                    }
                    next = r.getEndKeyGroup() + 1;
                }
                assertEquals(maxParallelism, next);
            }
        }
    }

    @Test
    void shouldMatchFlinksAssignment() {
        // values from Flink's KeyGroupRangeAssignment.assignToKeyGroup(Integer, 128) (murmur of the hash code)
        assertEquals(KeyGroupRangeAssignment.computeKeyGroupForKeyHash(Integer.valueOf(0).hashCode(), 128),
            KeyGroupRangeAssignment.assignToKeyGroup(0, 128));
        assertEquals(KeyGroupRange.of(0, 42), KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(128, 3, 0));
        assertEquals(KeyGroupRange.of(43, 85), KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(128, 3, 1));
        assertEquals(KeyGroupRange.of(86, 127), KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(128, 3, 2));
    }

    @Test
    void shouldSpreadKeysOverKeyGroups() {
        int[] counts = new int[128];
        for (int i = 0; i < 128_000; i++) {
            counts[KeyGroupRangeAssignment.assignToKeyGroup("key-" + i, 128)]++;
        }
        for (int c : counts) {
            assertTrue(c > 700 && c < 1300, "uneven key group: " + c);
        }
    }

    @Test
    void whenParallelismExceedsMaxParallelism_thenItFails() {
        assertThrows(IllegalArgumentException.class, () -> KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(4, 5, 0));
        assertThrows(NullPointerException.class, () -> KeyGroupRangeAssignment.assignToKeyGroup(null, 128));
    }

    @Test
    void shouldIntersectRanges() {
        assertEquals(KeyGroupRange.of(5, 9), KeyGroupRange.of(0, 9).getIntersection(KeyGroupRange.of(5, 20)));
        assertTrue(KeyGroupRange.of(0, 4).getIntersection(KeyGroupRange.of(5, 20)).isEmpty());
    }
}
