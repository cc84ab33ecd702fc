package io.weir.planner.rules;

import io.weir.planner.logical.LogicalLookupJoin;
import io.weir.planner.physical.StreamPhysicalLookupJoin;
import io.weir.planner.physical.StreamPhysicalRel;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/**
 * Planner rule that converts a {@link LogicalLookupJoin} into a {@link StreamPhysicalLookupJoin}; the
 * input is not exchanged (the lookup runs in the input's task, as in Flink).
 */
public final class StreamPhysicalLookupJoinRule extends ConverterRule {
    public static final StreamPhysicalLookupJoinRule INSTANCE = new StreamPhysicalLookupJoinRule(Config.INSTANCE
        .withConversion(LogicalLookupJoin.class, Convention.NONE, StreamPhysicalRel.CONVENTION,
            "StreamPhysicalLookupJoinRule")
        .withRuleFactory(StreamPhysicalLookupJoinRule::new));

    private StreamPhysicalLookupJoinRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalLookupJoin join = (LogicalLookupJoin) rel;
        RelNode input = convert(join.getInput(), join.getInput().getTraitSet().replace(StreamPhysicalRel.CONVENTION));
        return new StreamPhysicalLookupJoin(join.getCluster(), join.getTraitSet().replace(StreamPhysicalRel.CONVENTION),
            input, join.table(), join.joinType(), join.inputKeys(), join.lookupKeys(), join.condition(),
            join.getRowType());
    }
}
