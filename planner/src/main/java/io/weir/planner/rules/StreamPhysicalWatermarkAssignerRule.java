package io.weir.planner.rules;

import io.weir.planner.logical.LogicalWatermarkAssigner;
import io.weir.planner.physical.StreamPhysicalWatermarkAssigner;
import io.weir.planner.physical.StreamPhysicalRel;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Planner rule that converts a {@link LogicalWatermarkAssigner} into a {@link StreamPhysicalWatermarkAssigner}. */
public final class StreamPhysicalWatermarkAssignerRule extends ConverterRule {
    public static final StreamPhysicalWatermarkAssignerRule INSTANCE = new StreamPhysicalWatermarkAssignerRule(Config.INSTANCE
        .withConversion(LogicalWatermarkAssigner.class, Convention.NONE, StreamPhysicalRel.CONVENTION, "StreamPhysicalWatermarkAssignerRule")
        .withRuleFactory(StreamPhysicalWatermarkAssignerRule::new));

    private StreamPhysicalWatermarkAssignerRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalWatermarkAssigner node = (LogicalWatermarkAssigner) rel;
        RelNode input = convert(node.getInput(), node.getInput().getTraitSet().replace(StreamPhysicalRel.CONVENTION));
        return new StreamPhysicalWatermarkAssigner(node.getCluster(), node.getTraitSet().replace(StreamPhysicalRel.CONVENTION),
            input, node.rowtimeIndex(), node.watermarkExpr());
    }
}
