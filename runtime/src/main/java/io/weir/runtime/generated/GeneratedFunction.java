package io.weir.runtime.generated;

/**
 * Lifecycle shared by every generated class. The operator that owns the instance calls
 * {@link #open} once before the first per-row call and {@link #close} once at the end, on the
 * task thread.
 */
public interface GeneratedFunction {

    /** Called once before the first per-row call; the context stays valid until {@link #close}. */
    default void open(FunctionContext context) {
    }

    /** Releases what {@link #open} acquired. */
    default void close() {
    }
}
