package io.weir.planner.logical;

import io.weir.planner.properties.TimeAttribute;
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
 * Top-N: {@code ROW_NUMBER() | RANK() | DENSE_RANK() OVER (PARTITION BY partitionKey ORDER BY
 * orderKey)} restricted to ranks {@code rankStart..rankEnd}; output: the input fields, then the rank
 * (BIGINT) if {@code outputRankNumber}. Recognized from a filtered OVER window by
 * {@code io.weir.planner.rules.RankRule}. {@code dedupTime} is the time attribute of the single
 * order field when this is a deduplication ({@code ROW_NUMBER}, rank 1 only, no rank column, ordered
 * by a time attribute), else {@link TimeAttribute#NONE}.
 */
public final class LogicalRank extends SingleRel {
    /** The rank function. */
    public enum Kind { ROW_NUMBER, RANK, DENSE_RANK }

    private final ImmutableBitSet partitionKey;
    private final RelCollation orderKey;
    private final Kind kind;
    private final long rankStart;
    private final long rankEnd;
    private final boolean outputRankNumber;
    private final TimeAttribute dedupTime;

    public LogicalRank(RelOptCluster cluster, RelTraitSet traits, RelNode input, ImmutableBitSet partitionKey,
                       RelCollation orderKey, Kind kind, long rankStart, long rankEnd, boolean outputRankNumber,
                       TimeAttribute dedupTime, RelDataType rowType) {
        super(cluster, traits, input);
        this.partitionKey = partitionKey;
        this.orderKey = orderKey;
        this.kind = kind;
        this.rankStart = rankStart;
        this.rankEnd = rankEnd;
        this.outputRankNumber = outputRankNumber;
        this.dedupTime = dedupTime;
        this.rowType = rowType;
    }

    public ImmutableBitSet partitionKey() { return partitionKey; }

    public RelCollation orderKey() { return orderKey; }

    public Kind kind() { return kind; }

    public long rankStart() { return rankStart; }

    public long rankEnd() { return rankEnd; }

    public boolean outputRankNumber() { return outputRankNumber; }

    public TimeAttribute dedupTime() { return dedupTime; }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new LogicalRank(getCluster(), traitSet, sole(inputs), partitionKey, orderKey, kind, rankStart, rankEnd,
            outputRankNumber, dedupTime, rowType);
    }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw)
            .item("kind", kind)
            .item("range", rankStart + ".." + rankEnd)
            .item("partitionBy", partitionKey)
            .item("orderBy", orderKey)
            .item("rankNumber", outputRankNumber)
            .item("dedup", dedupTime);
    }
}
