package io.weir.checkpoint.state.heap;

import io.weir.checkpoint.state.KeyedStateBackend;
import io.weir.checkpoint.state.KeyedStateBackendParameters;
import io.weir.checkpoint.state.OperatorStateBackend;
import io.weir.checkpoint.state.StateBackend;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle;
import io.weir.checkpoint.state.operator.DefaultOperatorStateBackend;
import java.io.IOException;
import java.util.Collection;

/** {@code state.backend.type: hashmap}: keyed state as objects on the JVM heap. */
public final class HashMapStateBackend implements StateBackend {
    @Override
    public String getName() {
        return "hashmap";
    }

    @Override
    public <K> KeyedStateBackend<K> createKeyedStateBackend(KeyedStateBackendParameters<K> parameters) throws Exception {
        return new HeapKeyedStateBackend<>(parameters);
    }

    @Override
    public OperatorStateBackend createOperatorStateBackend(String operatorIdentifier, Collection<OperatorStateHandle> restoreHandles)
        throws IOException {
        return new DefaultOperatorStateBackend(operatorIdentifier, restoreHandles);
    }
}
