package io.weir.checkpoint.state.heap;

import io.weir.checkpoint.state.KeyedStateBackend;
import io.weir.checkpoint.state.KeyedStateBackendParameters;
import io.weir.checkpoint.state.OperatorStateBackend;
import io.weir.checkpoint.state.StateBackend;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle;
import java.util.Collection;

/** {@code state.backend.type: hashmap}: keyed state as objects on the JVM heap. */
public final class HashMapStateBackend implements StateBackend {
    @Override
    public String getName() {
        return "hashmap";
    }

    @Override
    public <K> KeyedStateBackend<K> createKeyedStateBackend(KeyedStateBackendParameters<K> parameters) {
        throw new UnsupportedOperationException("not supported yet: the hashmap keyed backend is being implemented");
    }

    @Override
    public OperatorStateBackend createOperatorStateBackend(String operatorIdentifier, Collection<OperatorStateHandle> restoreHandles) {
        throw new UnsupportedOperationException("not supported yet: the operator state backend is being implemented");
    }
}
