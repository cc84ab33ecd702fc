package io.weir.checkpoint.state;

/**
 * Base of all keyed and operator state. Keyed state is scoped to the backend's current key and the
 * state's current namespace; all calls come from the task thread that owns the backend.
 */
public interface State {
    /** Removes the value for the current key and namespace. */
    void clear();
}
