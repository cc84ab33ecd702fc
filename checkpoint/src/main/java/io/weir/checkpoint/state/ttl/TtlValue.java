package io.weir.checkpoint.state.ttl;

/** A user value with the time it was last written (or read, per the update type), in epoch millis. */
public record TtlValue<T>(T userValue, long lastAccessTimestamp) {
}
