package io.weir.checkpoint.metadata;

import io.weir.checkpoint.state.snapshot.StreamStateHandle;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * In-flight data of one channel persisted by an unaligned checkpoint: for an input channel the
 * buffers that preceded barrier n, for an output subpartition the buffers the barrier overtook.
 * They are replayed, in order, before any new data on restore. {@code offsets} are the start of each
 * buffer in the delegate stream (several channels may share one stream).
 */
public final class ChannelStateHandle implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Which side of the task the channel is on. */
    public enum Kind { INPUT_CHANNEL, RESULT_SUBPARTITION }

    private final Kind kind;
    private final int gateOrPartitionIndex;
    private final int channelIndex;
    private final StreamStateHandle delegate;
    private final long[] offsets;
    private final long stateSize;

    public ChannelStateHandle(Kind kind, int gateOrPartitionIndex, int channelIndex, StreamStateHandle delegate,
                              long[] offsets, long stateSize) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.gateOrPartitionIndex = gateOrPartitionIndex;
        this.channelIndex = channelIndex;
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.offsets = offsets.clone();
        this.stateSize = stateSize;
    }

    public Kind kind() { return kind; }
    public int gateOrPartitionIndex() { return gateOrPartitionIndex; }
    public int channelIndex() { return channelIndex; }
    public StreamStateHandle delegate() { return delegate; }
    public long[] offsets() { return offsets.clone(); }

    /** Bytes of this channel's data (the delegate may hold other channels too). */
    public long stateSize() { return stateSize; }

    public void discardState() throws IOException {
        delegate.discardState();
    }

    @Override
    public String toString() {
        return "ChannelStateHandle{" + kind + " " + gateOrPartitionIndex + "/" + channelIndex + ", offsets="
            + Arrays.toString(offsets) + ", " + stateSize + " bytes, " + delegate + "}";
    }
}
