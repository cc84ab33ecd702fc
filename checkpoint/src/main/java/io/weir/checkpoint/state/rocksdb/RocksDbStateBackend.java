package io.weir.checkpoint.state.rocksdb;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.state.KeyedStateBackend;
import io.weir.checkpoint.state.KeyedStateBackendParameters;
import io.weir.checkpoint.state.OperatorStateBackend;
import io.weir.checkpoint.state.StateBackend;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle;
import java.util.Collection;

/** {@code state.backend.type: rocksdb}: keyed state in embedded RocksDB instances. */
public final class RocksDbStateBackend implements StateBackend {
    public static RocksDbStateBackend fromConfiguration(Configuration config) {
        return new RocksDbStateBackend();
    }

    @Override
    public String getName() {
        return "rocksdb";
    }

    @Override
    public <K> KeyedStateBackend<K> createKeyedStateBackend(KeyedStateBackendParameters<K> parameters) {
        throw new UnsupportedOperationException("not supported yet: the rocksdb keyed backend is being implemented");
    }

    @Override
    public OperatorStateBackend createOperatorStateBackend(String operatorIdentifier, Collection<OperatorStateHandle> restoreHandles) {
        throw new UnsupportedOperationException("not supported yet: the operator state backend is being implemented");
    }
}
