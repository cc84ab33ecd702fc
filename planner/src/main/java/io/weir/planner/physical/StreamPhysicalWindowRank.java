package io.weir.planner.physical;

import io.weir.planner.ValidationException;
import io.weir.planner.explain.PlanFormat;
import io.weir.planner.logical.LogicalRank;
import io.weir.planner.logical.WindowSpec;
import io.weir.planner.properties.ChangelogModes;
import io.weir.planner.properties.TimeAttribute;
import io.weir.runtime.connector.ChangelogMode;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Window Top-N ({@code WindowRank}) or window deduplication ({@code WindowDeduplicate}): ranks the rows
 * of each window (identified by its {@link #windowEnd()} field) and {@link #partitionKey()} once the
 * window closes; its input is a hash exchange on the partition key (single without one). Insert-only
 * in and out.
 *
 * <p>Top-N ({@code WindowTopNOperator}) needs the partition key, the generated comparator of the order
 * key, the rank kind and range, whether the rank column is output, the window-end field and whether
 * the window is on rowtime. Deduplication ({@code WindowDeduplicateOperator}, event time only) needs
 * the partition key, the rowtime field it orders by, keep first ({@code ASC}) or last ({@code DESC})
 * and the window-end field.
 */
public final class StreamPhysicalWindowRank extends SingleRel implements StreamPhysicalRel {
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

    public StreamPhysicalWindowRank(RelOptCluster cluster, RelTraitSet traits, RelNode input,
                                    ImmutableBitSet partitionKey, RelCollation orderKey, LogicalRank.Kind kind,
                                    long rankStart, long rankEnd, boolean outputRankNumber, boolean deduplicate,
                                    int windowStart, int windowEnd, WindowSpec window, RelDataType rowType) {
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

    /** The partition fields other than the window's. */
    public ImmutableBitSet partitionKey() { return partitionKey; }

    public RelCollation orderKey() { return orderKey; }

    public LogicalRank.Kind kind() { return kind; }

    public long rankStart() { return rankStart; }

    public long rankEnd() { return rankEnd; }

    public boolean outputRankNumber() { return outputRankNumber; }

    /** True for window deduplication (ROW_NUMBER = 1 ordered by a rowtime attribute). */
    public boolean deduplicate() { return deduplicate; }

    /** The input field holding {@code window_end}. */
    public int windowEnd() { return windowEnd; }

    public WindowSpec window() { return window; }

    /** True when keeping the last row ({@code ORDER BY time DESC}). */
    public boolean keepLast() {
        return orderKey.getFieldCollations().get(0).direction == RelFieldCollation.Direction.DESCENDING;
    }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new StreamPhysicalWindowRank(getCluster(), traitSet, sole(inputs), partitionKey, orderKey, kind,
            rankStart, rankEnd, outputRankNumber, deduplicate, windowStart, windowEnd, window, rowType);
    }

    @Override
    public String explainName() {
        return deduplicate ? "WindowDeduplicate" : "WindowRank";
    }

    @Override
    public ChangelogMode changelogMode(List<ChangelogMode> inputModes, boolean updateBeforeRequired) {
        if (!inputModes.get(0).isInsertOnly()) {
            throw new ValidationException("not supported yet: window " + (deduplicate ? "deduplication" : "Top-N")
                + " over an updating input (changelogMode=" + ChangelogModes.explain(inputModes.get(0)) + ")");
        }
        return ChangelogMode.insertOnly();
    }

    @Override
    public Set<ImmutableBitSet> uniqueKeys(List<Set<ImmutableBitSet>> inputKeys) {
        Set<ImmutableBitSet> out = new HashSet<>(inputKeys.get(0));
        ImmutableBitSet perWindow = partitionKey.union(ImmutableBitSet.of(windowStart, windowEnd));
        if (deduplicate || (kind == LogicalRank.Kind.ROW_NUMBER && rankEnd == 1)) {
            out.add(perWindow);
        }
        if (outputRankNumber && kind == LogicalRank.Kind.ROW_NUMBER) {
            out.add(perWindow.union(ImmutableBitSet.of(getInput().getRowType().getFieldCount())));
        }
        return out;
    }

    /**
     * Rows come out when their window has closed, before the watermark that closed it, so the input's time
     * attributes (its {@code window_time} and rowtime columns) stay time attributes, as in Flink.
     */
    @Override
    public TimeAttribute[] timeAttributes(List<TimeAttribute[]> inputs) {
        TimeAttribute[] out = TimeAttribute.none(getRowType().getFieldCount());
        System.arraycopy(inputs.get(0), 0, out, 0, inputs.get(0).length);
        return out;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        List<String> in = getInput().getRowType().getFieldNames();
        String win = window.kind() + "(win_start=[" + in.get(windowStart) + "], win_end=[" + in.get(windowEnd) + "], "
            + window.toString().substring(window.toString().indexOf("], ") + 3);
        List<String> order = new ArrayList<>();
        for (RelFieldCollation c : orderKey.getFieldCollations()) {
            order.add(in.get(c.getFieldIndex())
                + (c.direction == RelFieldCollation.Direction.DESCENDING ? " DESC" : " ASC"));
        }
        if (deduplicate) {
            return super.explainTerms(pw).item("window", win)
                .item("keep", keepLast() ? "LastRow" : "FirstRow")
                .item("partitionKeys", PlanFormat.fieldList(in, partitionKey.asList()))
                .item("orderKey", in.get(orderKey.getFieldCollations().get(0).getFieldIndex()))
                .item("order", "ROWTIME");
        }
        return super.explainTerms(pw).item("window", win)
            .item("rankType", kind.name())
            .item("rankRange", "rankStart=" + rankStart + ", rankEnd=" + rankEnd)
            .item("partitionBy", PlanFormat.fieldList(in, partitionKey.asList()))
            .item("orderBy", String.join(", ", order))
            .item("select", String.join(", ", getRowType().getFieldNames()));
    }
}
