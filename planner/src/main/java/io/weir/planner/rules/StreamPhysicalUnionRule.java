package io.weir.planner.rules;

import org.apache.calcite.rel.logical.LogicalUnion;
import io.weir.planner.physical.StreamPhysicalUnion;
import io.weir.planner.physical.StreamPhysicalRel;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Planner rule that converts a {@link LogicalUnion} into a {@link StreamPhysicalUnion}. */
public final class StreamPhysicalUnionRule extends ConverterRule {
    public static final StreamPhysicalUnionRule INSTANCE = new StreamPhysicalUnionRule(Config.INSTANCE
        .withConversion(LogicalUnion.class, Convention.NONE, StreamPhysicalRel.CONVENTION, "StreamPhysicalUnionRule")
        .withRuleFactory(StreamPhysicalUnionRule::new));

    private StreamPhysicalUnionRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalUnion node = (LogicalUnion) rel;
        if (!node.all) {
            return null;
        }
        java.util.List<RelNode> inputs = new java.util.ArrayList<>();
        for (RelNode in : node.getInputs()) {
            inputs.add(convert(in, in.getTraitSet().replace(StreamPhysicalRel.CONVENTION)));
        }
        return new StreamPhysicalUnion(node.getCluster(), node.getTraitSet().replace(StreamPhysicalRel.CONVENTION), inputs);
    }
}
