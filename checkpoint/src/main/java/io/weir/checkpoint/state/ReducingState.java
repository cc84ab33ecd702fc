package io.weir.checkpoint.state;

/** Values added are folded into one with a {@link ReduceFunction}. */
public interface ReducingState<T> extends MergingState<T, T> {
}
