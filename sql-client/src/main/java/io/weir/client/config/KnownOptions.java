package io.weir.client.config;

import static io.weir.checkpoint.CheckpointingOptions.*;

import io.weir.checkpoint.CheckpointingOptions;
import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.state.StateBackendOptions;
import io.weir.codegen.CodegenOptions;
import io.weir.planner.PlannerOptions;
import io.weir.runtime.RuntimeOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The classes whose {@code ConfigOption} constants make up the keys a session accepts, and the
 * Flink options Weir knows but whose feature is not there yet: those accept only their default
 * value (so a Flink script that spells out defaults still runs); any other value is an error
 * saying what is missing, rather than a setting that silently does nothing.
 */
final class KnownOptions {
    private KnownOptions() {
    }

    /** Options that are declared (their values are checked). */
    static Class<?>[] holders() {
        return new Class<?>[] {ClientOptions.class, RuntimeOptions.class, StateBackendOptions.class,
            CodegenOptions.class, PlannerOptions.class, CheckpointingOptions.class};
    }

    /** Options that accept only their default value yet, with the reason. */
    static Map<ConfigOption<?>, String> defaultOnly() {
        Map<ConfigOption<?>, String> m = new LinkedHashMap<>();
        return m;
    }
}
