package io.weir.checkpoint.state;

import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle;
import io.weir.checkpoint.state.snapshot.SnapshotResult;
import java.util.Set;
import java.util.concurrent.RunnableFuture;

/**
 * Non-keyed state of one operator subtask (e.g. a source's split offsets), always kept on the heap.
 * Created, and restored from the handles that {@link io.weir.checkpoint.state.snapshot.OperatorStateRedistributor}
 * assigned to this subtask, by a {@link StateBackend}. Same threading contract as
 * {@link KeyedStateBackend}: task thread only, except for running the snapshot future.
 */
public interface OperatorStateBackend extends AutoCloseable {

    /** A list state whose elements are split evenly over the subtasks on rescale. */
    <S> ListState<S> getListState(ListStateDescriptor<S> descriptor) throws Exception;

    /** A list state of which every subtask gets all elements (of all old subtasks) on restore. */
    <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor) throws Exception;

    /** A map that is the same on every subtask; a restore gives every subtask one old copy. */
    <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) throws Exception;

    Set<String> getRegisteredStateNames();

    /** Synchronous part in this call (copies the state, which is small); the future writes it. */
    RunnableFuture<SnapshotResult<OperatorStateHandle>> snapshot(long checkpointId, long timestamp,
                                                                 CheckpointStreamFactory streamFactory) throws Exception;

    @Override
    void close();
}
