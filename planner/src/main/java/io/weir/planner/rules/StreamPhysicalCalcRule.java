package io.weir.planner.rules;

import org.apache.calcite.rel.logical.LogicalCalc;
import io.weir.planner.physical.StreamPhysicalCalc;
import io.weir.planner.physical.StreamPhysicalRel;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Planner rule that converts a {@link LogicalCalc} into a {@link StreamPhysicalCalc}. */
public final class StreamPhysicalCalcRule extends ConverterRule {
    public static final StreamPhysicalCalcRule INSTANCE = new StreamPhysicalCalcRule(Config.INSTANCE
        .withConversion(LogicalCalc.class, Convention.NONE, StreamPhysicalRel.CONVENTION, "StreamPhysicalCalcRule")
        .withRuleFactory(StreamPhysicalCalcRule::new));

    private StreamPhysicalCalcRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalCalc node = (LogicalCalc) rel;
        RelNode input = convert(node.getInput(), node.getInput().getTraitSet().replace(StreamPhysicalRel.CONVENTION));
        return new StreamPhysicalCalc(node.getCluster(), node.getTraitSet().replace(StreamPhysicalRel.CONVENTION),
            input, node.getProgram());
    }
}
