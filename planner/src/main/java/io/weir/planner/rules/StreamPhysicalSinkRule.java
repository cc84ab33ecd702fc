package io.weir.planner.rules;

import io.weir.planner.logical.LogicalSink;
import io.weir.planner.physical.StreamPhysicalSink;
import io.weir.planner.physical.StreamPhysicalRel;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Planner rule that converts a {@link LogicalSink} into a {@link StreamPhysicalSink}. */
public final class StreamPhysicalSinkRule extends ConverterRule {
    public static final StreamPhysicalSinkRule INSTANCE = new StreamPhysicalSinkRule(Config.INSTANCE
        .withConversion(LogicalSink.class, Convention.NONE, StreamPhysicalRel.CONVENTION, "StreamPhysicalSinkRule")
        .withRuleFactory(StreamPhysicalSinkRule::new));

    private StreamPhysicalSinkRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalSink node = (LogicalSink) rel;
        RelNode input = convert(node.getInput(), node.getInput().getTraitSet().replace(StreamPhysicalRel.CONVENTION));
        return new StreamPhysicalSink(node.getCluster(), node.getTraitSet().replace(StreamPhysicalRel.CONVENTION),
            input, node.table(), node.acceptedMode());
    }
}
