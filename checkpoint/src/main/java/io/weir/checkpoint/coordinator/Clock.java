package io.weir.checkpoint.coordinator;

/** Milliseconds since the epoch; a manual clock in tests. */
@FunctionalInterface
public interface Clock {
    Clock SYSTEM = System::currentTimeMillis;

    long millis();
}
