package io.weir.checkpoint.metadata;

import io.weir.checkpoint.metadata.IncrementalKeyedStateHandle.HandleAndLocalPath;
import io.weir.checkpoint.state.snapshot.KeyGroupsStateHandle;
import io.weir.checkpoint.state.snapshot.KeyedStateHandle;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle;
import io.weir.checkpoint.state.snapshot.StreamStateHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Walks the byte streams inside a subtask's state handles (keyed, operator, channel), to list them
 * or to swap them (local recovery replaces remote files by intact local copies). Keyed handle types
 * this class does not know are kept unchanged.
 */
public final class StateHandles {
    private StateHandles() {
    }

    /** Every stream handle {@code state} refers to, in a stable order. */
    public static List<StreamStateHandle> streams(OperatorSubtaskState state) {
        List<StreamStateHandle> result = new ArrayList<>();
        map(state, h -> {
            result.add(h);
            return h;
        });
        return result;
    }

    /** A copy of {@code state} with every stream handle replaced by {@code f}'s result. */
    public static OperatorSubtaskState map(OperatorSubtaskState state, UnaryOperator<StreamStateHandle> f) {
        List<KeyedStateHandle> keyed = new ArrayList<>();
        for (KeyedStateHandle h : state.keyedState()) {
            keyed.add(mapKeyed(h, f));
        }
        List<OperatorStateHandle> operator = new ArrayList<>();
        for (OperatorStateHandle h : state.operatorState()) {
            operator.add(new OperatorStateHandle(h.getStateNameToPartitionOffsets(), f.apply(h.getDelegateStateHandle())));
        }
        return new OperatorSubtaskState(keyed, operator, mapChannels(state.inputChannelState(), f),
            mapChannels(state.resultSubpartitionState(), f));
    }

    private static KeyedStateHandle mapKeyed(KeyedStateHandle h, UnaryOperator<StreamStateHandle> f) {
        if (h instanceof KeyGroupsStateHandle kg) {
            return new KeyGroupsStateHandle(kg.getGroupRangeOffsets(), f.apply(kg.getDelegateStateHandle()));
        }
        if (h instanceof IncrementalKeyedStateHandle inc) {
            return new IncrementalKeyedStateHandle(inc.backendId(), inc.checkpointId(), inc.getKeyGroupRange(),
                mapFiles(inc.sharedState(), f), mapFiles(inc.privateState(), f), f.apply(inc.metaState()), inc.checkpointedSize());
        }
        return h;
    }

    private static List<HandleAndLocalPath> mapFiles(List<HandleAndLocalPath> files, UnaryOperator<StreamStateHandle> f) {
        List<HandleAndLocalPath> result = new ArrayList<>();
        for (HandleAndLocalPath file : files) {
            result.add(new HandleAndLocalPath(file.localPath(), f.apply(file.handle())));
        }
        return result;
    }

    private static List<ChannelStateHandle> mapChannels(List<ChannelStateHandle> handles, UnaryOperator<StreamStateHandle> f) {
        List<ChannelStateHandle> result = new ArrayList<>();
        for (ChannelStateHandle h : handles) {
            result.add(new ChannelStateHandle(h.kind(), h.gateOrPartitionIndex(), h.channelIndex(), f.apply(h.delegate()),
                h.offsets(), h.stateSize()));
        }
        return result;
    }
}
