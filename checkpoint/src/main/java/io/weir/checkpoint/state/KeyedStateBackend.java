package io.weir.checkpoint.state;

import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.internal.InternalAggregatingState;
import io.weir.checkpoint.state.internal.InternalKvState;
import io.weir.checkpoint.state.internal.InternalListState;
import io.weir.checkpoint.state.internal.InternalMapState;
import io.weir.checkpoint.state.internal.InternalReducingState;
import io.weir.checkpoint.state.internal.InternalValueState;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import io.weir.checkpoint.state.snapshot.KeyedStateHandle;
import io.weir.checkpoint.state.snapshot.SnapshotResult;
import java.util.concurrent.RunnableFuture;
import java.util.stream.Stream;

/**
 * Keyed state of one operator subtask, for the key groups in {@link #getKeyGroupRange()}. Created
 * (and restored) by a {@link StateBackend}.
 *
 * <p><b>Threading and call order.</b> Everything except running the future returned by
 * {@link #snapshot} happens on the task thread: {@link #setCurrentKey} before each element or
 * timer, then state access through states obtained from {@link #getOrCreateState} (created once,
 * typically in {@code open}, and reused; a second call with the same descriptor name returns the
 * same state). {@link #snapshot} runs the synchronous part of a checkpoint and returns the
 * asynchronous part, which the caller runs on another thread while the task keeps processing;
 * writes made after {@code snapshot} returns never appear in that snapshot. {@link #close()} is
 * called last, once; it cancels nothing that is running, so the caller waits for or cancels
 * running snapshots first.
 *
 * @param <K> the key type
 */
public interface KeyedStateBackend<K> extends AutoCloseable {

    /** Sets the key that the following state accesses are scoped to; computes its key group. */
    void setCurrentKey(K key);

    K getCurrentKey();

    /** The key group of the current key. */
    int getCurrentKeyGroupIndex();

    KeyGroupRange getKeyGroupRange();

    /** The total number of key groups (the job's max parallelism). */
    int getNumberOfKeyGroups();

    TypeSerializer<K> getKeySerializer();

    /**
     * Returns the state declared by {@code descriptor}, creating it on first use. The result
     * implements the internal interface that matches the descriptor's type
     * ({@link InternalValueState}, {@link InternalListState}, {@link InternalMapState},
     * {@link InternalReducingState}, {@link InternalAggregatingState}); its namespace starts unset,
     * so call {@link InternalKvState#setCurrentNamespace} before use.
     *
     * @throws IllegalStateException if a state of that name exists with another type
     */
    <N, S extends State, V> InternalKvState<K, N, V> getOrCreateState(TypeSerializer<N> namespaceSerializer,
                                                                       StateDescriptor<S, V> descriptor) throws Exception;

    /** {@link #getOrCreateState}, with the namespace set and the public type; for operators without windows. */
    @SuppressWarnings("unchecked")
    default <N, S extends State> S getPartitionedState(N namespace, TypeSerializer<N> namespaceSerializer,
                                                      StateDescriptor<S, ?> descriptor) throws Exception {
        InternalKvState<K, N, ?> state = getOrCreateState(namespaceSerializer, descriptor);
        state.setCurrentNamespace(namespace);
        return (S) state;
    }

    /** {@link #getPartitionedState} in {@link VoidNamespace}. */
    default <S extends State> S getState(StateDescriptor<S, ?> descriptor) throws Exception {
        return getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, descriptor);
    }

    @SuppressWarnings("unchecked")
    default <N, T> InternalValueState<K, N, T> getOrCreateValueState(TypeSerializer<N> ns, ValueStateDescriptor<T> d) throws Exception {
        return (InternalValueState<K, N, T>) getOrCreateState(ns, d);
    }

    @SuppressWarnings("unchecked")
    default <N, T> InternalListState<K, N, T> getOrCreateListState(TypeSerializer<N> ns, ListStateDescriptor<T> d) throws Exception {
        return (InternalListState<K, N, T>) (InternalKvState<K, N, ?>) getOrCreateState(ns, d);
    }

    @SuppressWarnings("unchecked")
    default <N, UK, UV> InternalMapState<K, N, UK, UV> getOrCreateMapState(TypeSerializer<N> ns, MapStateDescriptor<UK, UV> d)
        throws Exception {
        return (InternalMapState<K, N, UK, UV>) (InternalKvState<K, N, ?>) getOrCreateState(ns, d);
    }

    @SuppressWarnings("unchecked")
    default <N, T> InternalReducingState<K, N, T> getOrCreateReducingState(TypeSerializer<N> ns, ReducingStateDescriptor<T> d)
        throws Exception {
        return (InternalReducingState<K, N, T>) getOrCreateState(ns, d);
    }

    @SuppressWarnings("unchecked")
    default <N, IN, ACC, OUT> InternalAggregatingState<K, N, IN, ACC, OUT> getOrCreateAggregatingState(
        TypeSerializer<N> ns, AggregatingStateDescriptor<IN, ACC, OUT> d) throws Exception {
        return (InternalAggregatingState<K, N, IN, ACC, OUT>) getOrCreateState(ns, d);
    }

    /**
     * The keys that have an entry in state {@code stateName} under {@code namespace}, in this
     * backend's key groups, as of the call (state may be modified while the stream is consumed).
     * Cost: a scan of the whole state, so not for per-element use. Empty for an undeclared state.
     */
    <N> Stream<K> getKeys(String stateName, N namespace) throws Exception;

    /**
     * Takes a snapshot of all keyed state. The synchronous part runs inside this call (on the task
     * thread, cost independent of the state size for the heap backend); the returned future is the
     * asynchronous part, which writes the data to {@code streamFactory} when run (on any thread).
     * Expired TTL entries are left out.
     */
    RunnableFuture<SnapshotResult<KeyedStateHandle>> snapshot(long checkpointId, long timestamp,
                                                              CheckpointStreamFactory streamFactory) throws Exception;

    /**
     * Takes an incremental snapshot where the backend supports it (RocksDB: a native checkpoint in
     * the synchronous part; the future uploads new SST files to {@code sharedStreams} and sends
     * placeholders for files of the last completed checkpoint, see
     * {@code io.weir.checkpoint.metadata.IncrementalKeyedStateHandle}). Backends without incremental
     * snapshots (heap) take a full one into {@code exclusiveStreams}, as Flink's do.
     */
    default RunnableFuture<SnapshotResult<KeyedStateHandle>> snapshotIncremental(
        long checkpointId, long timestamp, CheckpointStreamFactory sharedStreams, CheckpointStreamFactory exclusiveStreams)
        throws Exception {
        return snapshot(checkpointId, timestamp, exclusiveStreams);
    }

    /**
     * Checkpoint {@code checkpointId} completed: an incremental backend may from now on reference its
     * files instead of uploading them again. Task thread.
     */
    default void notifyCheckpointComplete(long checkpointId) {
    }

    /** Releases all resources (native ones for RocksDB). Idempotent. */
    @Override
    void close();
}
