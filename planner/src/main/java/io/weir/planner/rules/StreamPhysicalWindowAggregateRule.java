package io.weir.planner.rules;

import io.weir.planner.logical.LogicalWindowAggregate;
import io.weir.planner.physical.StreamPhysicalWindowAggregate;
import io.weir.planner.physical.StreamPhysicalRel;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Planner rule that converts a {@link LogicalWindowAggregate} into a {@link StreamPhysicalWindowAggregate}. */
public final class StreamPhysicalWindowAggregateRule extends ConverterRule {
    public static final StreamPhysicalWindowAggregateRule INSTANCE = new StreamPhysicalWindowAggregateRule(Config.INSTANCE
        .withConversion(LogicalWindowAggregate.class, Convention.NONE, StreamPhysicalRel.CONVENTION, "StreamPhysicalWindowAggregateRule")
        .withRuleFactory(StreamPhysicalWindowAggregateRule::new));

    private StreamPhysicalWindowAggregateRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalWindowAggregate node = (LogicalWindowAggregate) rel;
        RelNode input = convert(node.getInput(), node.getInput().getTraitSet().replace(StreamPhysicalRel.CONVENTION));
        RelNode exchange = io.weir.planner.physical.StreamPhysicalExchange.byKeys(input, node.grouping().asList());
        return new StreamPhysicalWindowAggregate(node.getCluster(), node.getTraitSet().replace(StreamPhysicalRel.CONVENTION),
            exchange, node.grouping(), node.aggCalls(), node.window(), node.getRowType());
    }
}
