package io.weir.checkpoint.state;

/**
 * An aggregation over an accumulator, as {@link AggregatingState} uses it. The accumulator may be
 * mutated in place by {@link #add}; backends copy it when a snapshot still shares it.
 */
public interface AggregateFunction<IN, ACC, OUT> {
    ACC createAccumulator();

    ACC add(IN value, ACC accumulator);

    OUT getResult(ACC accumulator);

    /** Merges two accumulators (for merging namespaces). */
    ACC merge(ACC a, ACC b);
}
