package io.weir.runtime.tasks;

import io.weir.checkpoint.barrier.ChannelStateReader;
import io.weir.checkpoint.metadata.ChannelStateHandle;
import io.weir.runtime.data.Row;
import io.weir.runtime.io.ChannelStateRows;
import io.weir.runtime.io.InputGate;
import java.util.List;
import java.util.Map;

/**
 * Replays the channel state an unaligned checkpoint persisted for a task, after its operators
 * opened and before any new input: first the output it had overtaken (the tail operator's result
 * subpartition state, re-sent on the same edge and channel), then the in-flight input (the head
 * operator's input channel state, processed as if it arrived on its channel). Task thread.
 */
final class ChannelStateReplay {
    private ChannelStateReplay() {
    }

    static void replay(String taskName, Map<String, OperatorRestoreState> restore, List<ChainedOperator> chain,
                       RecordWriterOutput tail, InputGate gate) throws Exception {
        OperatorRestoreState tailState = restore.get(chain.get(chain.size() - 1).uid());
        if (tailState != null) {
            for (ChannelStateHandle h : tailState.resultSubpartitionState()) {
                for (byte[] buffer : ChannelStateReader.readBuffers(h)) {
                    tail.replay(h.gateOrPartitionIndex(), h.channelIndex(), ChannelStateRows.deserialize(buffer));
                }
            }
        }
        ChainedOperator head = chain.get(0);
        OperatorRestoreState headState = restore.get(head.uid());
        if (headState == null || headState.inputChannelState().isEmpty()) {
            return;
        }
        if (gate == null) {
            throw new IllegalStateException("restored input channel state for " + taskName + ", which has no input");
        }
        for (ChannelStateHandle h : headState.inputChannelState()) {
            if (h.channelIndex() >= gate.numberOfChannels()) {
                throw new IllegalStateException("not supported yet: restoring in-flight input of an unaligned checkpoint "
                    + "into " + taskName + " whose input channels changed (channel " + h.channelIndex() + ")");
            }
            int input = gate.inputOf(h.channelIndex());
            for (byte[] buffer : ChannelStateReader.readBuffers(h)) {
                for (Row row : ChannelStateRows.deserialize(buffer)) {
                    head.processElement(input, row);
                }
            }
        }
    }
}
