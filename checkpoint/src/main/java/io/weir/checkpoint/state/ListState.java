package io.weir.checkpoint.state;

import java.util.List;

/**
 * A list per key and namespace (keyed) or per subtask (operator state). {@link #get()} returns a
 * read-only iterable: for keyed state null when the list is empty, for operator state never null.
 */
public interface ListState<T> extends MergingState<T, Iterable<T>> {
    /** Replaces the list; an empty or null list clears it. */
    void update(List<T> values) throws Exception;

    /** Appends all values. */
    void addAll(List<T> values) throws Exception;
}
