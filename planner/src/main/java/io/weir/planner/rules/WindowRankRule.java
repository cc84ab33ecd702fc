package io.weir.planner.rules;

import io.weir.planner.logical.LogicalRank;
import io.weir.planner.logical.LogicalWindowRank;
import io.weir.planner.properties.TimeAttribute;
import io.weir.planner.properties.WindowProperties;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.List;

/**
 * Planner rule that turns a {@link LogicalRank} partitioned by the {@code window_start} and
 * {@code window_end} of its input's window (a windowing TVF or a window aggregation) into a
 * {@link LogicalWindowRank}: window Top-N, or window deduplication for {@code ROW_NUMBER ... = 1}
 * ordered by a rowtime attribute without the rank column (Flink's rules).
 */
public final class WindowRankRule extends RelOptRule {
    public static final WindowRankRule INSTANCE = new WindowRankRule();

    @SuppressWarnings("deprecation")
    private WindowRankRule() {
        super(operand(LogicalRank.class, any()), "WindowRankRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalRank rank = call.rel(0);
        WindowProperties w = WindowProperties.of(rank.getInput());
        if (w == null) {
            return;
        }
        ImmutableBitSet starts = rank.partitionKey().intersect(w.starts());
        ImmutableBitSet ends = rank.partitionKey().intersect(w.ends());
        if (starts.isEmpty() || ends.isEmpty()) {
            return;
        }
        int start = starts.nth(0);
        int end = ends.nth(0);
        ImmutableBitSet rest = rank.partitionKey().except(ImmutableBitSet.of(start, end));
        List<RelFieldCollation> order = rank.orderKey().getFieldCollations();
        boolean dedup = rank.kind() == LogicalRank.Kind.ROW_NUMBER && rank.rankStart() == 1 && rank.rankEnd() == 1
            && !rank.outputRankNumber() && order.size() == 1
            && WindowProperties.logicalTimeAttribute(rank.getInput(), order.get(0).getFieldIndex())
                == TimeAttribute.ROWTIME;
        call.transformTo(new LogicalWindowRank(rank.getCluster(), rank.getTraitSet(), rank.getInput(), rest,
            rank.orderKey(), rank.kind(), rank.rankStart(), rank.rankEnd(), rank.outputRankNumber(), dedup, start, end,
            w.window(), rank.getRowType()));
    }
}
