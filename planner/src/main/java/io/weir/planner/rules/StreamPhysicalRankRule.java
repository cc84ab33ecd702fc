package io.weir.planner.rules;

import io.weir.planner.logical.LogicalRank;
import io.weir.planner.physical.StreamPhysicalExchange;
import io.weir.planner.physical.StreamPhysicalRank;
import io.weir.planner.physical.StreamPhysicalRel;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Converts a {@link LogicalRank} into a {@link StreamPhysicalRank} behind a hash exchange on the partition key. */
public final class StreamPhysicalRankRule extends ConverterRule {
    public static final StreamPhysicalRankRule INSTANCE = new StreamPhysicalRankRule(Config.INSTANCE
        .withConversion(LogicalRank.class, Convention.NONE, StreamPhysicalRel.CONVENTION, "StreamPhysicalRankRule")
        .withRuleFactory(StreamPhysicalRankRule::new));

    private StreamPhysicalRankRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalRank r = (LogicalRank) rel;
        RelNode input = convert(r.getInput(), r.getInput().getTraitSet().replace(StreamPhysicalRel.CONVENTION));
        RelNode exchange = StreamPhysicalExchange.byKeys(input, r.partitionKey().asList());
        return new StreamPhysicalRank(r.getCluster(), r.getTraitSet().replace(StreamPhysicalRel.CONVENTION), exchange,
            r.partitionKey(), r.orderKey(), r.kind(), r.rankStart(), r.rankEnd(), r.outputRankNumber(), r.dedupTime(),
            r.getRowType());
    }
}
