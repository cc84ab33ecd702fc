package io.weir.planner.types;

/** A SQL type that Weir cannot store or compute with; the message names the type. */
public final class UnsupportedTypeException extends RuntimeException {
    public UnsupportedTypeException(String message) {
        super(message);
    }
}
