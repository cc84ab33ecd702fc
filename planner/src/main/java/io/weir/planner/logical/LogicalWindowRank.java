package io.weir.planner.logical;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.List;

/**
 * Window Top-N, or with {@code deduplicate} window deduplication: a {@link LogicalRank} partitioned by
 * the {@code window_start} and {@code window_end} of its input's window (fields {@code windowStart},
 * {@code windowEnd}) and {@code partitionKey} (the other partition fields), fired once per window when
 * it closes. Output as {@link LogicalRank}'s. Made by {@code io.weir.planner.rules.WindowRankRule}.
 */
public final class LogicalWindowRank extends SingleRel {
    private final ImmutableBitSet partitionKey;
    private final RelCollation orderKey;
    private final LogicalRank.Kind kind;
    private final long rankStart;
    private final long rankEnd;
    private final boolean outputRankNumber;
    private final boolean deduplicate;
    private final int windowStart;
    private final int windowEnd;
    private final WindowSpec window;

    public LogicalWindowRank(RelOptCluster cluster, RelTraitSet traits, RelNode input, ImmutableBitSet partitionKey,
                             RelCollation orderKey, LogicalRank.Kind kind, long rankStart, long rankEnd,
                             boolean outputRankNumber, boolean deduplicate, int windowStart, int windowEnd,
                             WindowSpec window, RelDataType rowType) {
        super(cluster, traits, input);
        this.partitionKey = partitionKey;
        this.orderKey = orderKey;
        this.kind = kind;
        this.rankStart = rankStart;
        this.rankEnd = rankEnd;
        this.outputRankNumber = outputRankNumber;
        this.deduplicate = deduplicate;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.window = window;
        this.rowType = rowType;
    }

    public ImmutableBitSet partitionKey() { return partitionKey; }

    public RelCollation orderKey() { return orderKey; }

    public LogicalRank.Kind kind() { return kind; }

    public long rankStart() { return rankStart; }

    public long rankEnd() { return rankEnd; }

    public boolean outputRankNumber() { return outputRankNumber; }

    public boolean deduplicate() { return deduplicate; }

    public int windowStart() { return windowStart; }

    public int windowEnd() { return windowEnd; }

    public WindowSpec window() { return window; }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new LogicalWindowRank(getCluster(), traitSet, sole(inputs), partitionKey, orderKey, kind, rankStart,
            rankEnd, outputRankNumber, deduplicate, windowStart, windowEnd, window, rowType);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("window", window).item("kind", kind)
            .item("range", rankStart + ".." + rankEnd).item("partitionBy", partitionKey).item("orderBy", orderKey)
            .item("rankNumber", outputRankNumber).item("dedup", deduplicate);
    }
}
