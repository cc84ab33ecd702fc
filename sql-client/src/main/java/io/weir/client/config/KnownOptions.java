package io.weir.client.config;

import io.weir.checkpoint.CheckpointingOptions;
import io.weir.checkpoint.state.StateBackendOptions;
import io.weir.codegen.CodegenOptions;
import io.weir.planner.PlannerOptions;
import io.weir.runtime.RuntimeOptions;

/**
 * The classes whose {@code ConfigOption} constants make up the keys a session accepts, and the
 * Flink keys Weir knows but does not act on yet.
 */
final class KnownOptions {
    private KnownOptions() {
    }

    /** Options that take effect. */
    static Class<?>[] holders() {
        return new Class<?>[] {ClientOptions.class, RuntimeOptions.class, StateBackendOptions.class,
            CodegenOptions.class, PlannerOptions.class};
    }

    /**
     * Options that are declared (so a Flink script's keys are recognised and their values checked)
     * but whose feature is not wired into running jobs yet: setting one is an error saying so,
     * rather than a setting that silently does nothing.
     */
    static Class<?>[] notYetSupported() {
        return new Class<?>[] {CheckpointingOptions.class};
    }
}
