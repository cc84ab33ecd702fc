package io.weir.checkpoint.state;

/** The clock that state TTL reads (processing time, epoch millis); tests pass a manual one. */
@FunctionalInterface
public interface TtlTimeProvider {
    TtlTimeProvider SYSTEM = System::currentTimeMillis;

    long currentTimestamp();
}
