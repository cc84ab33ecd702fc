package io.weir.planner.rules;

import io.weir.planner.logical.LogicalSourceScan;
import io.weir.planner.physical.StreamPhysicalTableSourceScan;
import io.weir.planner.physical.StreamPhysicalRel;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Planner rule that converts a {@link LogicalSourceScan} into a {@link StreamPhysicalTableSourceScan}. */
public final class StreamPhysicalTableSourceScanRule extends ConverterRule {
    public static final StreamPhysicalTableSourceScanRule INSTANCE = new StreamPhysicalTableSourceScanRule(Config.INSTANCE
        .withConversion(LogicalSourceScan.class, Convention.NONE, StreamPhysicalRel.CONVENTION, "StreamPhysicalTableSourceScanRule")
        .withRuleFactory(StreamPhysicalTableSourceScanRule::new));

    private StreamPhysicalTableSourceScanRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalSourceScan node = (LogicalSourceScan) rel;
        return new StreamPhysicalTableSourceScan(node.getCluster(), node.getTraitSet().replace(StreamPhysicalRel.CONVENTION),
            node.getTable(), node.descriptor(), node.producedType(), node.projection(), node.sourceChangelogModeSupplier());
    }
}
