package io.weir.runtime.connector;

/**
 * A part of a source that one subtask reads in order: a file, a partition, a generator's share.
 * A split value also carries a position: {@link SplitReader#snapshot()} returns the split "as of
 * now", and a reader created from that value continues exactly after the last row it returned.
 * Immutable.
 */
public interface SourceSplit {

    /** Unique within the source and stable across runs (for example the file path). */
    String splitId();
}
