package io.weir.checkpoint.state;

/** State that values are added to, read back as one {@code OUT}. */
public interface AppendingState<IN, OUT> extends State {
    /** The current result, or null when empty. */
    OUT get() throws Exception;

    /** Adds a value. */
    void add(IN value) throws Exception;
}
