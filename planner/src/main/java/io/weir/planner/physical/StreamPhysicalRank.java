package io.weir.planner.physical;

import io.weir.planner.explain.PlanFormat;
import io.weir.planner.logical.LogicalRank;
import io.weir.planner.properties.ChangelogModes;
import io.weir.planner.properties.TimeAttribute;
import io.weir.runtime.connector.ChangelogMode;
import io.weir.runtime.data.RowKind;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Top-N ({@code Rank}) or, when {@link #dedupTime()} is a time attribute, deduplication
 * ({@code Deduplicate}, keep first for {@code ORDER BY time ASC}, keep last for {@code DESC}); its
 * input is a hash exchange on the partition key (single without one).
 *
 * <p>Top-N ({@code TopNOperator}) needs the partition key, the generated comparator of the order
 * key, the rank kind and range, whether the rank column is output, whether the input is insert-only,
 * and {@code table.exec.state.ttl}; it emits {@code +I/-U/+U/-D}. Deduplication
 * ({@code DeduplicateOperator}, insert-only input only; an updating input falls back to Top-N) needs
 * the partition key, rowtime or proctime, the time field, keep first/last, {@code generateUpdateBefore}
 * and the TTL; keep-first on processing time is insert-only, the others emit updates.
 */
public final class StreamPhysicalRank extends SingleRel implements StreamPhysicalRel {
    private final ImmutableBitSet partitionKey;
    private final RelCollation orderKey;
    private final LogicalRank.Kind kind;
    private final long rankStart;
    private final long rankEnd;
    private final boolean outputRankNumber;
    private final TimeAttribute dedupTime;

    public StreamPhysicalRank(RelOptCluster cluster, RelTraitSet traits, RelNode input, ImmutableBitSet partitionKey,
                              RelCollation orderKey, LogicalRank.Kind kind, long rankStart, long rankEnd,
                              boolean outputRankNumber, TimeAttribute dedupTime, RelDataType rowType) {
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

    public LogicalRank.Kind kind() { return kind; }

    public long rankStart() { return rankStart; }

    public long rankEnd() { return rankEnd; }

    public boolean outputRankNumber() { return outputRankNumber; }

    /** The time attribute of a deduplication's order field, NONE for a Top-N. */
    public TimeAttribute dedupTime() { return dedupTime; }

    /** True for a deduplication that keeps the last row ({@code ORDER BY time DESC}). */
    public boolean keepLast() {
        return orderKey.getFieldCollations().get(0).direction == RelFieldCollation.Direction.DESCENDING;
    }

    /** Whether this runs as a deduplication given its input's mode (dedup needs an insert-only input). */
    public boolean isDeduplicate(ChangelogMode inputMode) {
        return dedupTime != TimeAttribute.NONE && inputMode.isInsertOnly();
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new StreamPhysicalRank(getCluster(), traitSet, sole(inputs), partitionKey, orderKey, kind, rankStart,
            rankEnd, outputRankNumber, dedupTime, rowType);
    }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    @Override
    public String explainName() {
        return dedupTime != TimeAttribute.NONE ? "Deduplicate" : "Rank";
    }

    @Override
    public ChangelogMode changelogMode(List<ChangelogMode> inputModes, boolean updateBeforeRequired) {
        ChangelogModes.checkRetracting(inputModes.get(0), this);
        if (isDeduplicate(inputModes.get(0))) {
            if (dedupTime == TimeAttribute.PROCTIME && !keepLast()) {
                return ChangelogMode.insertOnly();
            }
            EnumSet<RowKind> kinds = EnumSet.of(RowKind.INSERT, RowKind.UPDATE_AFTER);
            if (updateBeforeRequired) {
                kinds.add(RowKind.UPDATE_BEFORE);
            }
            return ChangelogModes.of(kinds);
        }
        return ChangelogModes.of(EnumSet.allOf(RowKind.class));
    }

    @Override
    public boolean requiresUpdateBefore(int input, boolean updateBeforeRequired) {
        return true;
    }

    @Override
    public Set<ImmutableBitSet> uniqueKeys(List<Set<ImmutableBitSet>> inputKeys) {
        Set<ImmutableBitSet> out = new HashSet<>(inputKeys.get(0));
        if (dedupTime != TimeAttribute.NONE || (kind == LogicalRank.Kind.ROW_NUMBER && rankEnd == 1)) {
            out.add(partitionKey);
        }
        if (outputRankNumber && kind == LogicalRank.Kind.ROW_NUMBER) {
            out.add(partitionKey.union(ImmutableBitSet.of(getInput().getRowType().getFieldCount())));
        }
        return out;
    }

    /** Proctime stays proctime; rowtime survives only an insert-only (keep-first on proctime) dedup. */
    @Override
    public TimeAttribute[] timeAttributes(List<TimeAttribute[]> inputs) {
        TimeAttribute[] out = TimeAttribute.none(getRowType().getFieldCount());
        boolean insertOnly = dedupTime == TimeAttribute.PROCTIME && !keepLast();
        TimeAttribute[] in = inputs.get(0);
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] == TimeAttribute.PROCTIME || insertOnly ? in[i] : TimeAttribute.NONE;
        }
        return out;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        List<String> in = getInput().getRowType().getFieldNames();
        List<String> order = new ArrayList<>();
        for (RelFieldCollation c : orderKey.getFieldCollations()) {
            order.add(in.get(c.getFieldIndex())
                + (c.direction == RelFieldCollation.Direction.DESCENDING ? " DESC" : " ASC"));
        }
        if (dedupTime != TimeAttribute.NONE) {
            return super.explainTerms(pw)
                .item("keep", keepLast() ? "LastRow" : "FirstRow")
                .item("key", PlanFormat.fieldList(in, partitionKey.asList()))
                .item("order", dedupTime.name());
        }
        return super.explainTerms(pw)
            .item("rankType", kind.name())
            .item("rankRange", "rankStart=" + rankStart + ", rankEnd=" + rankEnd)
            .item("partitionBy", PlanFormat.fieldList(in, partitionKey.asList()))
            .item("orderBy", String.join(", ", order))
            .item("select", String.join(", ", getRowType().getFieldNames()));
    }
}
