package io.weir.checkpoint.state;

import io.weir.checkpoint.serialization.TypeSerializer;
import java.util.Objects;

/** Declares an {@link AggregatingState}; {@link #getSerializer()} serializes the accumulator. */
public final class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor<AggregatingState<IN, OUT>, ACC> {
    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggregateFunction,
                                      TypeSerializer<ACC> accumulatorSerializer) {
        super(name, accumulatorSerializer);
        this.aggregateFunction = Objects.requireNonNull(aggregateFunction, "aggregate function of state '" + name + "'");
    }

    public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
        return aggregateFunction;
    }

    @Override
    public Type getType() {
        return Type.AGGREGATING;
    }
}
