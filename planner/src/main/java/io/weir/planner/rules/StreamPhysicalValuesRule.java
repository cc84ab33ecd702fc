package io.weir.planner.rules;

import org.apache.calcite.rel.logical.LogicalValues;
import io.weir.planner.physical.StreamPhysicalValues;
import io.weir.planner.physical.StreamPhysicalRel;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Planner rule that converts a {@link LogicalValues} into a {@link StreamPhysicalValues}. */
public final class StreamPhysicalValuesRule extends ConverterRule {
    public static final StreamPhysicalValuesRule INSTANCE = new StreamPhysicalValuesRule(Config.INSTANCE
        .withConversion(LogicalValues.class, Convention.NONE, StreamPhysicalRel.CONVENTION, "StreamPhysicalValuesRule")
        .withRuleFactory(StreamPhysicalValuesRule::new));

    private StreamPhysicalValuesRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalValues node = (LogicalValues) rel;
        java.util.List<java.util.List<org.apache.calcite.rex.RexLiteral>> tuples = new java.util.ArrayList<>();
        node.getTuples().forEach(t -> tuples.add(t));
        return new StreamPhysicalValues(node.getCluster(), node.getTraitSet().replace(StreamPhysicalRel.CONVENTION),
            node.getRowType(), tuples);
    }
}
