package io.weir.checkpoint.state.snapshot;

import io.weir.checkpoint.state.KeyGroupRange;
import java.io.Serializable;
import java.util.Arrays;

/** The byte offset of each key group's section in a key-group-ordered snapshot stream. */
public final class KeyGroupRangeOffsets implements Serializable {
    private static final long serialVersionUID = 1L;

    private final KeyGroupRange keyGroupRange;
    private final long[] offsets;

    public KeyGroupRangeOffsets(KeyGroupRange keyGroupRange, long[] offsets) {
        if (offsets.length != Math.max(0, keyGroupRange.getNumberOfKeyGroups())) {
            throw new IllegalArgumentException(offsets.length + " offsets for " + keyGroupRange);
        }
        this.keyGroupRange = keyGroupRange;
        this.offsets = offsets;
    }

    public KeyGroupRangeOffsets(KeyGroupRange keyGroupRange) {
        this(keyGroupRange, new long[Math.max(0, keyGroupRange.getNumberOfKeyGroups())]);
    }

    public KeyGroupRange getKeyGroupRange() {
        return keyGroupRange;
    }

    public long getKeyGroupOffset(int keyGroup) {
        return offsets[index(keyGroup)];
    }

    public void setKeyGroupOffset(int keyGroup, long offset) {
        offsets[index(keyGroup)] = offset;
    }

    /** The offsets of the key groups in both this range and {@code range}. */
    public KeyGroupRangeOffsets getIntersection(KeyGroupRange range) {
        KeyGroupRange common = keyGroupRange.getIntersection(range);
        if (common.isEmpty()) {
            return new KeyGroupRangeOffsets(KeyGroupRange.EMPTY);
        }
        int from = common.getStartKeyGroup() - keyGroupRange.getStartKeyGroup();
        return new KeyGroupRangeOffsets(common, Arrays.copyOfRange(offsets, from, from + common.getNumberOfKeyGroups()));
    }

    private int index(int keyGroup) {
        if (!keyGroupRange.contains(keyGroup)) {
            throw new IllegalArgumentException("key group " + keyGroup + " not in " + keyGroupRange);
        }
        return keyGroup - keyGroupRange.getStartKeyGroup();
    }

    @Override
    public String toString() {
        return "KeyGroupRangeOffsets{" + keyGroupRange + ", " + Arrays.toString(offsets) + "}";
    }
}
