package io.weir.checkpoint.state.heap;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.state.StateBackend;
import io.weir.checkpoint.state.StateBackendContractTest;
import io.weir.checkpoint.state.StateBackends;
import java.nio.file.Path;

class HeapStateBackendTest extends StateBackendContractTest {
    @Override
    protected StateBackend createStateBackend(Path tempDir) {
        return StateBackends.fromConfiguration(new Configuration().setString("state.backend.type", "hashmap"));
    }
}
