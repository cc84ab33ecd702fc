package io.weir.checkpoint.state.snapshot;

import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of one subtask's operator (non-keyed) state: one stream, and per state name how it is
 * redistributed on rescale and the offsets of its elements (list states) or its start (broadcast).
 */
public final class OperatorStateHandle implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How a state is redistributed when the parallelism changes. */
    public enum Mode {
        /** List state: the union of all elements is split evenly over the new subtasks. */
        SPLIT_DISTRIBUTE,
        /** Union list state: every new subtask gets all elements of all old subtasks. */
        UNION,
        /** Broadcast state: identical everywhere; every new subtask gets one old subtask's copy. */
        BROADCAST
    }

    /** Where one state's elements are in the stream. */
    public static final class StateMetaInfo implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long[] offsets;
        private final Mode mode;

        public StateMetaInfo(long[] offsets, Mode mode) {
            this.offsets = Objects.requireNonNull(offsets, "offsets");
            this.mode = Objects.requireNonNull(mode, "mode");
        }

        /** For list states the offset of each element; for broadcast state one offset, of the map. */
        public long[] getOffsets() {
            return offsets;
        }

        public Mode getMode() {
            return mode;
        }

        @Override
        public String toString() {
            return mode + Arrays.toString(offsets);
        }
    }

    private final Map<String, StateMetaInfo> stateNameToMetaInfo;
    private final StreamStateHandle delegate;

    public OperatorStateHandle(Map<String, StateMetaInfo> stateNameToMetaInfo, StreamStateHandle delegate) {
        this.stateNameToMetaInfo = Map.copyOf(stateNameToMetaInfo);
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    public Map<String, StateMetaInfo> getStateNameToPartitionOffsets() {
        return stateNameToMetaInfo;
    }

    public StreamStateHandle getDelegateStateHandle() {
        return delegate;
    }

    public long getStateSize() {
        return delegate.getStateSize();
    }

    public void discardState() throws IOException {
        delegate.discardState();
    }

    @Override
    public String toString() {
        return "OperatorStateHandle{" + stateNameToMetaInfo + ", " + delegate + "}";
    }
}
