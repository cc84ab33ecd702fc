package io.weir.checkpoint.state.internal;

import io.weir.checkpoint.state.ValueState;

public interface InternalValueState<K, N, T> extends InternalKvState<K, N, T>, ValueState<T> {
}
