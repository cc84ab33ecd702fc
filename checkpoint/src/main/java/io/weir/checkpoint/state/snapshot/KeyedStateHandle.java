package io.weir.checkpoint.state.snapshot;

import io.weir.checkpoint.state.KeyGroupRange;
import java.io.IOException;
import java.io.Serializable;

/** A snapshot of keyed state covering a key-group range. */
public interface KeyedStateHandle extends Serializable {
    KeyGroupRange getKeyGroupRange();

    long getStateSize();

    /** The part of this handle that covers {@code range}, or null when they do not overlap. */
    KeyedStateHandle getIntersection(KeyGroupRange range);

    void discardState() throws IOException;
}
