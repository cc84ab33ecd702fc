package io.weir.planner.rules;

import io.weir.planner.logical.LogicalRetractOverAggregate;
import io.weir.planner.physical.StreamPhysicalExchange;
import io.weir.planner.physical.StreamPhysicalRel;
import io.weir.planner.physical.StreamPhysicalRetractOverAggregate;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/**
 * Planner rule that converts a {@link LogicalRetractOverAggregate} into a
 * {@link StreamPhysicalRetractOverAggregate} behind a hash exchange on the partition key (singleton
 * without one).
 */
public final class StreamPhysicalRetractOverAggregateRule extends ConverterRule {
    public static final StreamPhysicalRetractOverAggregateRule INSTANCE = new StreamPhysicalRetractOverAggregateRule(
        Config.INSTANCE.withConversion(LogicalRetractOverAggregate.class, Convention.NONE, StreamPhysicalRel.CONVENTION,
            "StreamPhysicalRetractOverAggregateRule").withRuleFactory(StreamPhysicalRetractOverAggregateRule::new));

    private StreamPhysicalRetractOverAggregateRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalRetractOverAggregate o = (LogicalRetractOverAggregate) rel;
        RelNode input = convert(o.getInput(), o.getInput().getTraitSet().replace(StreamPhysicalRel.CONVENTION));
        RelNode exchange = StreamPhysicalExchange.byKeys(input, o.partitionKey().asList());
        return new StreamPhysicalRetractOverAggregate(o.getCluster(), o.getTraitSet().replace(StreamPhysicalRel.CONVENTION),
            exchange, o.partitionKey(), o.orderKey(), o.rows(), o.preceding(), o.aggCalls(), o.getRowType());
    }
}
