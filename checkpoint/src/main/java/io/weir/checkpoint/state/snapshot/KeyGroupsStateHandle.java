package io.weir.checkpoint.state.snapshot;

import io.weir.checkpoint.state.KeyGroupRange;
import java.io.IOException;
import java.util.Objects;

/**
 * A full keyed snapshot: one stream in key-group order plus the offset of each key group, so that a
 * restore reads only the key groups it owns. Both backends write and read the same format, so a
 * snapshot taken by one restores into the other.
 */
public final class KeyGroupsStateHandle implements KeyedStateHandle {
    private static final long serialVersionUID = 1L;

    private final KeyGroupRangeOffsets groupRangeOffsets;
    private final StreamStateHandle delegate;

    public KeyGroupsStateHandle(KeyGroupRangeOffsets groupRangeOffsets, StreamStateHandle delegate) {
        this.groupRangeOffsets = Objects.requireNonNull(groupRangeOffsets, "offsets");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    public KeyGroupRangeOffsets getGroupRangeOffsets() {
        return groupRangeOffsets;
    }

    /** The stream with the header and all key groups (the whole stream, also for an intersection). */
    public StreamStateHandle getDelegateStateHandle() {
        return delegate;
    }

    @Override
    public KeyGroupRange getKeyGroupRange() {
        return groupRangeOffsets.getKeyGroupRange();
    }

    @Override
    public long getStateSize() {
        return delegate.getStateSize();
    }

    @Override
    public KeyedStateHandle getIntersection(KeyGroupRange range) {
        KeyGroupRangeOffsets common = groupRangeOffsets.getIntersection(range);
        return common.getKeyGroupRange().isEmpty() ? null : new KeyGroupsStateHandle(common, delegate);
    }

    @Override
    public void discardState() throws IOException {
        delegate.discardState();
    }

    @Override
    public String toString() {
        return "KeyGroupsStateHandle{" + getKeyGroupRange() + ", " + delegate + "}";
    }
}
