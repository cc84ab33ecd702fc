package io.weir.runtime.testutils;

import io.weir.checkpoint.serialization.LongSerializer;
import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.KeyedStateBackend;
import io.weir.checkpoint.state.KeyedStateBackendParameters;
import io.weir.checkpoint.state.StateBackend;
import io.weir.checkpoint.state.StateBackendOptions;
import io.weir.checkpoint.state.StateBackends;
import java.util.stream.Stream;

/** The state backends harness tests run against: every test runs on each of them. */
public final class Backends {
    private Backends() {
    }

    public static Stream<String> all() {
        return Stream.of("hashmap", "rocksdb");
    }

    /** Fails fast, with the backend's own error, when {@code type}'s backends cannot be created. */
    public static void assumeAvailable(String type) {
        Configuration c = new Configuration();
        c.setString(StateBackendOptions.STATE_BACKEND_TYPE.key(), type);
        try (StateBackend b = StateBackends.fromConfiguration(c);
             KeyedStateBackend<Long> k = b.createKeyedStateBackend(
                 KeyedStateBackendParameters.builder(LongSerializer.INSTANCE, 128, KeyGroupRange.of(0, 127)).build())) {
            b.createOperatorStateBackend("probe", java.util.List.of()).close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
