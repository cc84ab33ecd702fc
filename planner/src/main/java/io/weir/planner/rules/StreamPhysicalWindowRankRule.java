package io.weir.planner.rules;

import io.weir.planner.logical.LogicalWindowRank;
import io.weir.planner.physical.StreamPhysicalExchange;
import io.weir.planner.physical.StreamPhysicalRel;
import io.weir.planner.physical.StreamPhysicalWindowRank;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/**
 * Planner rule that converts a {@link LogicalWindowRank} into a {@link StreamPhysicalWindowRank} behind a
 * hash exchange on the partition fields other than the window's.
 */
public final class StreamPhysicalWindowRankRule extends ConverterRule {
    public static final StreamPhysicalWindowRankRule INSTANCE = new StreamPhysicalWindowRankRule(Config.INSTANCE
        .withConversion(LogicalWindowRank.class, Convention.NONE, StreamPhysicalRel.CONVENTION,
            "StreamPhysicalWindowRankRule")
        .withRuleFactory(StreamPhysicalWindowRankRule::new));

    private StreamPhysicalWindowRankRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalWindowRank r = (LogicalWindowRank) rel;
        RelNode input = convert(r.getInput(), r.getInput().getTraitSet().replace(StreamPhysicalRel.CONVENTION));
        RelNode exchange = StreamPhysicalExchange.byKeys(input, r.partitionKey().asList());
        return new StreamPhysicalWindowRank(r.getCluster(), r.getTraitSet().replace(StreamPhysicalRel.CONVENTION),
            exchange, r.partitionKey(), r.orderKey(), r.kind(), r.rankStart(), r.rankEnd(), r.outputRankNumber(),
            r.deduplicate(), r.windowStart(), r.windowEnd(), r.window(), r.getRowType());
    }
}
