package io.weir.planner.rules;

import io.weir.planner.logical.LogicalOverAggregate;
import io.weir.planner.physical.StreamPhysicalExchange;
import io.weir.planner.physical.StreamPhysicalOverAggregate;
import io.weir.planner.physical.StreamPhysicalRel;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Converts a {@link LogicalOverAggregate} into a {@link StreamPhysicalOverAggregate} behind a hash exchange on the partition key. */
public final class StreamPhysicalOverAggregateRule extends ConverterRule {
    public static final StreamPhysicalOverAggregateRule INSTANCE = new StreamPhysicalOverAggregateRule(Config.INSTANCE
        .withConversion(LogicalOverAggregate.class, Convention.NONE, StreamPhysicalRel.CONVENTION,
            "StreamPhysicalOverAggregateRule")
        .withRuleFactory(StreamPhysicalOverAggregateRule::new));

    private StreamPhysicalOverAggregateRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalOverAggregate o = (LogicalOverAggregate) rel;
        RelNode input = convert(o.getInput(), o.getInput().getTraitSet().replace(StreamPhysicalRel.CONVENTION));
        RelNode exchange = StreamPhysicalExchange.byKeys(input, o.partitionKey().asList());
        return new StreamPhysicalOverAggregate(o.getCluster(), o.getTraitSet().replace(StreamPhysicalRel.CONVENTION),
            exchange, o.partitionKey(), o.timeIndex(), o.rowtime(), o.rows(), o.preceding(), o.aggCalls(), o.getRowType());
    }
}
