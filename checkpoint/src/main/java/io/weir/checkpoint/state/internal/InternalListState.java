package io.weir.checkpoint.state.internal;

import io.weir.checkpoint.state.ListState;
import java.util.List;

public interface InternalListState<K, N, T> extends InternalMergingState<K, N, T, List<T>, Iterable<T>>, ListState<T> {
}
