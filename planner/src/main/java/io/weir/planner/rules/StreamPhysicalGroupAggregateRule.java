package io.weir.planner.rules;

import org.apache.calcite.rel.logical.LogicalAggregate;
import io.weir.planner.physical.StreamPhysicalGroupAggregate;
import io.weir.planner.physical.StreamPhysicalRel;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Planner rule that converts a {@link LogicalAggregate} into a {@link StreamPhysicalGroupAggregate}. */
public final class StreamPhysicalGroupAggregateRule extends ConverterRule {
    public static final StreamPhysicalGroupAggregateRule INSTANCE = new StreamPhysicalGroupAggregateRule(Config.INSTANCE
        .withConversion(LogicalAggregate.class, Convention.NONE, StreamPhysicalRel.CONVENTION, "StreamPhysicalGroupAggregateRule")
        .withRuleFactory(StreamPhysicalGroupAggregateRule::new));

    private StreamPhysicalGroupAggregateRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalAggregate node = (LogicalAggregate) rel;
        if (node.getGroupSets().size() != 1) {
            throw new io.weir.planner.ValidationException("not supported yet: GROUPING SETS, ROLLUP and CUBE");
        }
        RelNode input = convert(node.getInput(), node.getInput().getTraitSet().replace(StreamPhysicalRel.CONVENTION));
        RelNode exchange = io.weir.planner.physical.StreamPhysicalExchange.byKeys(input, node.getGroupSet().asList());
        return new StreamPhysicalGroupAggregate(node.getCluster(), node.getTraitSet().replace(StreamPhysicalRel.CONVENTION),
            exchange, node.getGroupSet(), node.getAggCallList(), node.getRowType());
    }
}
