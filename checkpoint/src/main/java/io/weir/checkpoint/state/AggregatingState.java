package io.weir.checkpoint.state;

/** Values added are folded into an accumulator with an {@link AggregateFunction}; {@code get} returns its result. */
public interface AggregatingState<IN, OUT> extends MergingState<IN, OUT> {
}
