package io.weir.client.config;

/** The classes whose {@code ConfigOption} constants make up the keys a session accepts. */
final class KnownOptions {
    private KnownOptions() {
    }

    static Class<?>[] holders() {
        return new Class<?>[] {ClientOptions.class};
    }
}
