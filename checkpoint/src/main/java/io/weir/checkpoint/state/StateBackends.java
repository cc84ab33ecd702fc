package io.weir.checkpoint.state;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.state.heap.HashMapStateBackend;
import io.weir.checkpoint.state.rocksdb.RocksDbStateBackend;
import java.util.Locale;

/** Creates the configured {@link StateBackend}. */
public final class StateBackends {
    private StateBackends() {
    }

    /**
     * The backend named by {@code state.backend.type}: {@code hashmap} (default) or {@code rocksdb}
     * (configured by the {@code state.backend.rocksdb.*} options).
     *
     * @throws IllegalArgumentException naming the option when the type is unknown
     */
    public static StateBackend fromConfiguration(Configuration config) {
        String type = config.get(StateBackendOptions.STATE_BACKEND_TYPE).trim().toLowerCase(Locale.ROOT);
        switch (type) {
            case "hashmap":
            case "heap":
                return new HashMapStateBackend();
            case "rocksdb":
                return RocksDbStateBackend.fromConfiguration(config);
            default:
                throw new IllegalArgumentException("Invalid value '" + type + "' for option '"
                    + StateBackendOptions.STATE_BACKEND_TYPE.key() + "': expected 'hashmap' or 'rocksdb'");
        }
    }
}
