package io.weir.planner.rules;

import io.weir.planner.logical.LogicalSetOpAll;
import io.weir.planner.physical.StreamPhysicalExchange;
import io.weir.planner.physical.StreamPhysicalRel;
import io.weir.planner.physical.StreamPhysicalSetOpAll;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.util.ImmutableIntList;

/** Converts a {@link LogicalSetOpAll} into a {@link StreamPhysicalSetOpAll} behind a hash exchange on all row fields. */
public final class StreamPhysicalSetOpAllRule extends ConverterRule {
    public static final StreamPhysicalSetOpAllRule INSTANCE = new StreamPhysicalSetOpAllRule(Config.INSTANCE
        .withConversion(LogicalSetOpAll.class, Convention.NONE, StreamPhysicalRel.CONVENTION, "StreamPhysicalSetOpAllRule")
        .withRuleFactory(StreamPhysicalSetOpAllRule::new));

    private StreamPhysicalSetOpAllRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalSetOpAll s = (LogicalSetOpAll) rel;
        RelNode input = convert(s.getInput(), s.getInput().getTraitSet().replace(StreamPhysicalRel.CONVENTION));
        RelNode exchange = StreamPhysicalExchange.byKeys(input, ImmutableIntList.range(0, s.getRowType().getFieldCount()));
        return new StreamPhysicalSetOpAll(s.getCluster(), s.getTraitSet().replace(StreamPhysicalRel.CONVENTION), exchange,
            s.intersect(), s.getRowType());
    }
}
