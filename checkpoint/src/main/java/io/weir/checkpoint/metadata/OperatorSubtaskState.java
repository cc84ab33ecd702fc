package io.weir.checkpoint.metadata;

import io.weir.checkpoint.state.snapshot.KeyedStateHandle;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The state one subtask of one operator acknowledged for a checkpoint: keyed state (per key-group
 * range), operator (non-keyed) state, and, for unaligned checkpoints, input-channel and
 * result-subpartition state. Immutable lists; handles may be shared with the task's local copy.
 */
public final class OperatorSubtaskState implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final OperatorSubtaskState EMPTY = new OperatorSubtaskState(List.of(), List.of(), List.of(), List.of());

    private final List<KeyedStateHandle> keyedState;
    private final List<OperatorStateHandle> operatorState;
    private final List<ChannelStateHandle> inputChannelState;
    private final List<ChannelStateHandle> resultSubpartitionState;

    public OperatorSubtaskState(List<? extends KeyedStateHandle> keyedState, List<OperatorStateHandle> operatorState,
                                List<ChannelStateHandle> inputChannelState, List<ChannelStateHandle> resultSubpartitionState) {
        this.keyedState = List.copyOf(keyedState);
        this.operatorState = List.copyOf(operatorState);
        this.inputChannelState = List.copyOf(inputChannelState);
        this.resultSubpartitionState = List.copyOf(resultSubpartitionState);
    }

    public static OperatorSubtaskState empty() {
        return EMPTY;
    }

    public static OperatorSubtaskState keyed(KeyedStateHandle... handles) {
        return new OperatorSubtaskState(List.of(handles), List.of(), List.of(), List.of());
    }

    public List<KeyedStateHandle> keyedState() { return keyedState; }
    public List<OperatorStateHandle> operatorState() { return operatorState; }
    public List<ChannelStateHandle> inputChannelState() { return inputChannelState; }
    public List<ChannelStateHandle> resultSubpartitionState() { return resultSubpartitionState; }

    public boolean isEmpty() {
        return keyedState.isEmpty() && operatorState.isEmpty() && inputChannelState.isEmpty() && resultSubpartitionState.isEmpty();
    }

    /** Full size: all bytes a restore reads. */
    public long stateSize() {
        long size = 0;
        for (KeyedStateHandle h : keyedState) {
            size += h.getStateSize();
        }
        return size + otherSize();
    }

    /** Bytes written for this checkpoint (for incremental keyed state only the new files). */
    public long checkpointedSize() {
        long size = 0;
        for (KeyedStateHandle h : keyedState) {
            size += h instanceof IncrementalKeyedStateHandle inc ? inc.checkpointedSize() : h.getStateSize();
        }
        return size + otherSize();
    }

    /** Bytes of persisted in-flight data (unaligned checkpoints). */
    public long channelStateSize() {
        long size = 0;
        for (ChannelStateHandle h : inputChannelState) {
            size += h.stateSize();
        }
        for (ChannelStateHandle h : resultSubpartitionState) {
            size += h.stateSize();
        }
        return size;
    }

    private long otherSize() {
        long size = channelStateSize();
        for (OperatorStateHandle h : operatorState) {
            size += h.getStateSize();
        }
        return size;
    }

    /** The incremental keyed handles, whose shared files the registry tracks. */
    public List<IncrementalKeyedStateHandle> incrementalKeyedState() {
        List<IncrementalKeyedStateHandle> result = new ArrayList<>();
        for (KeyedStateHandle h : keyedState) {
            if (h instanceof IncrementalKeyedStateHandle inc) {
                result.add(inc);
            }
        }
        return result;
    }

    /**
     * Deletes everything this state owns; shared files of incremental handles are left to the
     * shared-state registry. Tries every handle and throws the first failure.
     */
    public void discardState() throws IOException {
        Discarder d = new Discarder();
        keyedState.forEach(h -> d.run(h::discardState));
        operatorState.forEach(h -> d.run(h::discardState));
        inputChannelState.forEach(h -> d.run(h::discardState));
        resultSubpartitionState.forEach(h -> d.run(h::discardState));
        d.rethrow();
    }

    /** Runs discards, remembering the first failure. */
    static final class Discarder {
        interface IoAction {
            void run() throws IOException;
        }

        private IOException first;

        void run(IoAction action) {
            try {
                action.run();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }

        void rethrow() throws IOException {
            if (first != null) {
                throw first;
            }
        }
    }

    @Override
    public String toString() {
        return "OperatorSubtaskState{keyed=" + keyedState + ", operator=" + operatorState + ", inputChannels="
            + inputChannelState + ", subpartitions=" + resultSubpartitionState + "}";
    }
}
