package io.weir.checkpoint.state;

import io.weir.checkpoint.state.snapshot.OperatorStateHandle;
import java.util.Collection;

/**
 * A kind of state backend ({@code hashmap} or {@code rocksdb}), configured once per job (see
 * {@link StateBackends#fromConfiguration}) and shared by its subtasks: it creates one
 * {@link KeyedStateBackend} per keyed operator subtask and one {@link OperatorStateBackend} per
 * operator subtask. Thread-safe. {@link #close()} releases what it shares between backends
 * (RocksDB's shared memory) after they are closed.
 */
public interface StateBackend extends AutoCloseable {

    /** {@code hashmap} or {@code rocksdb}. */
    String getName();

    /** Creates a keyed backend, restoring the given handles (any key-group ranges; only the overlap is read). */
    <K> KeyedStateBackend<K> createKeyedStateBackend(KeyedStateBackendParameters<K> parameters) throws Exception;

    /** Creates an operator state backend, restoring the handles assigned to this subtask. */
    OperatorStateBackend createOperatorStateBackend(String operatorIdentifier,
                                                    Collection<OperatorStateHandle> restoreHandles) throws Exception;

    @Override
    default void close() {
    }
}
