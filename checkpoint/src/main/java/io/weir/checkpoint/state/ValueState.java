package io.weir.checkpoint.state;

import java.io.IOException;

/** One value per key and namespace. */
public interface ValueState<T> extends State {
    /** The value, or null when there is none (or it expired). */
    T value() throws IOException;

    /** Sets the value; {@code null} clears it. */
    void update(T value) throws IOException;
}
