package io.weir.planner.rules;

import io.weir.planner.logical.LogicalUnnest;
import io.weir.planner.physical.StreamPhysicalRel;
import io.weir.planner.physical.StreamPhysicalUnnest;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Converts a {@link LogicalUnnest} into a {@link StreamPhysicalUnnest} (chained after its input). */
public final class StreamPhysicalUnnestRule extends ConverterRule {
    public static final StreamPhysicalUnnestRule INSTANCE = new StreamPhysicalUnnestRule(Config.INSTANCE
        .withConversion(LogicalUnnest.class, Convention.NONE, StreamPhysicalRel.CONVENTION, "StreamPhysicalUnnestRule")
        .withRuleFactory(StreamPhysicalUnnestRule::new));

    private StreamPhysicalUnnestRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalUnnest u = (LogicalUnnest) rel;
        RelNode input = convert(u.getInput(), u.getInput().getTraitSet().replace(StreamPhysicalRel.CONVENTION));
        return new StreamPhysicalUnnest(u.getCluster(), u.getTraitSet().replace(StreamPhysicalRel.CONVENTION), input,
            u.collectionIndex(), u.withOrdinality(), u.outer(), u.getRowType());
    }
}
