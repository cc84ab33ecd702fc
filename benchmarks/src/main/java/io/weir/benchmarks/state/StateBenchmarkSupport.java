package io.weir.benchmarks.state;

import io.weir.checkpoint.serialization.LongSerializer;
import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.KeyedStateBackend;
import io.weir.checkpoint.state.KeyedStateBackendParameters;
import io.weir.checkpoint.state.StateBackend;
import io.weir.checkpoint.state.StateBackends;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Creates a keyed backend of either type over all 128 key groups, keyed by {@code Long}. */
final class StateBenchmarkSupport {
    static final int MAX_PARALLELISM = 128;

    private StateBenchmarkSupport() {
    }

    static StateBackend stateBackend(String type, Path localDir, String managedMemory) {
        return StateBackends.fromConfiguration(new Configuration()
            .setString("state.backend.type", type)
            .setString("state.backend.rocksdb.localdir", localDir.toString())
            .setString("state.backend.rocksdb.memory.fixed-per-slot", managedMemory));
    }

    static KeyedStateBackend<Long> keyedBackend(StateBackend backend) throws Exception {
        return backend.createKeyedStateBackend(KeyedStateBackendParameters
            .builder(LongSerializer.INSTANCE, MAX_PARALLELISM, KeyGroupRange.of(0, MAX_PARALLELISM - 1))
            .operatorIdentifier("bench").build());
    }

    static Path tempDir() throws IOException {
        return Files.createTempDirectory("weir-state-bench");
    }
}
