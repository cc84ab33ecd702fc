package io.weir.checkpoint.state;

import java.util.List;

/** A list per key and namespace; {@link #get()} returns null or a non-empty, read-only iterable. */
public interface ListState<T> extends MergingState<T, Iterable<T>> {
    /** Replaces the list; an empty or null list clears it. */
    void update(List<T> values) throws Exception;

    /** Appends all values. */
    void addAll(List<T> values) throws Exception;
}
