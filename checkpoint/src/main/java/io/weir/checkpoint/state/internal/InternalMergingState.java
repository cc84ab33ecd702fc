package io.weir.checkpoint.state.internal;

import io.weir.checkpoint.state.MergingState;
import java.util.Collection;

/** A keyed state whose namespaces can be merged, as session windows need. */
public interface InternalMergingState<K, N, IN, SV, OUT> extends InternalKvState<K, N, SV>, MergingState<IN, OUT> {
    /**
     * Merges the contents of {@code sources} (for the current key) into {@code target} and clears
     * the sources. Sources that are empty are skipped; {@code target} may be among the sources.
     */
    void mergeNamespaces(N target, Collection<N> sources) throws Exception;
}
