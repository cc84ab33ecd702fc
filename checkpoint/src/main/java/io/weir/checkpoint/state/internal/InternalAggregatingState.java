package io.weir.checkpoint.state.internal;

import io.weir.checkpoint.state.AggregatingState;

public interface InternalAggregatingState<K, N, IN, ACC, OUT>
    extends InternalMergingState<K, N, IN, ACC, OUT>, AggregatingState<IN, OUT> {
}
