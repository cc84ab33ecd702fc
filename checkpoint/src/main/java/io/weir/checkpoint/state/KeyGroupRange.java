package io.weir.checkpoint.state;

import java.io.Serializable;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A contiguous, inclusive range of key groups {@code [startKeyGroup, endKeyGroup]}. Subtask {@code i}
 * of {@code p} owns one such range (see {@link KeyGroupRangeAssignment}); rescaling reassigns ranges.
 */
public final class KeyGroupRange implements Iterable<Integer>, Serializable {
    private static final long serialVersionUID = 1L;

    /** The range with no key groups. */
    public static final KeyGroupRange EMPTY = new KeyGroupRange(0, -1);

    private final int startKeyGroup;
    private final int endKeyGroup;

    private KeyGroupRange(int startKeyGroup, int endKeyGroup) {
        this.startKeyGroup = startKeyGroup;
        this.endKeyGroup = endKeyGroup;
    }

    /** The range {@code [start, end]}; {@link #EMPTY} when {@code end < start}. */
    public static KeyGroupRange of(int start, int end) {
        if (start < 0) {
            throw new IllegalArgumentException("key group range start must be >= 0: " + start);
        }
        return end < start ? EMPTY : new KeyGroupRange(start, end);
    }

    public int getStartKeyGroup() {
        return startKeyGroup;
    }

    public int getEndKeyGroup() {
        return endKeyGroup;
    }

    public int getNumberOfKeyGroups() {
        return endKeyGroup - startKeyGroup + 1;
    }

    public boolean isEmpty() {
        return getNumberOfKeyGroups() <= 0;
    }

    public boolean contains(int keyGroup) {
        return keyGroup >= startKeyGroup && keyGroup <= endKeyGroup;
    }

    /** The key groups in both ranges. */
    public KeyGroupRange getIntersection(KeyGroupRange other) {
        int start = Math.max(startKeyGroup, other.startKeyGroup);
        int end = Math.min(endKeyGroup, other.endKeyGroup);
        return end < start ? EMPTY : new KeyGroupRange(start, end);
    }

    @Override
    public Iterator<Integer> iterator() {
        return new Iterator<>() {
            private int next = startKeyGroup;

            @Override
            public boolean hasNext() {
                return next <= endKeyGroup;
            }

            @Override
            public Integer next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return next++;
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyGroupRange r
            && (r.startKeyGroup == startKeyGroup && r.endKeyGroup == endKeyGroup || r.isEmpty() && isEmpty());
    }

    @Override
    public int hashCode() {
        return isEmpty() ? 0 : 31 * startKeyGroup + endKeyGroup;
    }

    @Override
    public String toString() {
        return isEmpty() ? "KeyGroupRange{empty}" : "KeyGroupRange{" + startKeyGroup + ".." + endKeyGroup + "}";
    }
}
