package io.weir.checkpoint.state.internal;

import io.weir.checkpoint.state.ReducingState;

public interface InternalReducingState<K, N, T> extends InternalMergingState<K, N, T, T, T>, ReducingState<T> {
}
