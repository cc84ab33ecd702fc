package io.weir.planner.rules;

import io.weir.planner.logical.LogicalWindowTableFunction;
import io.weir.planner.physical.StreamPhysicalRel;
import io.weir.planner.physical.StreamPhysicalWindowTableFunction;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Planner rule that converts a {@link LogicalWindowTableFunction} into a {@link StreamPhysicalWindowTableFunction}. */
public final class StreamPhysicalWindowTableFunctionRule extends ConverterRule {
    public static final StreamPhysicalWindowTableFunctionRule INSTANCE = new StreamPhysicalWindowTableFunctionRule(
        Config.INSTANCE.withConversion(LogicalWindowTableFunction.class, Convention.NONE, StreamPhysicalRel.CONVENTION,
            "StreamPhysicalWindowTableFunctionRule").withRuleFactory(StreamPhysicalWindowTableFunctionRule::new));

    private StreamPhysicalWindowTableFunctionRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalWindowTableFunction w = (LogicalWindowTableFunction) rel;
        RelNode input = convert(w.getInput(), w.getInput().getTraitSet().replace(StreamPhysicalRel.CONVENTION));
        return new StreamPhysicalWindowTableFunction(w.getCluster(), w.getTraitSet().replace(StreamPhysicalRel.CONVENTION),
            input, w.window(), w.getRowType());
    }
}
