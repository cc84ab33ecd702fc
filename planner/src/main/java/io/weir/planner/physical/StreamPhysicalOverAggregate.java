package io.weir.planner.physical;

import io.weir.planner.ValidationException;
import io.weir.planner.explain.PlanFormat;
import io.weir.planner.properties.TimeAttribute;
import io.weir.runtime.connector.ChangelogMode;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * OVER aggregation ({@code OverAggregateOperator}) behind a hash exchange on the partition key:
 * needs the partition key, the generated {@code AggsHandle} of {@link #aggCalls()} (with retraction
 * for bounded frames), rowtime or proctime, the time field, ROWS or RANGE, the preceding bound, and
 * {@code table.exec.state.ttl}. Insert-only in and out; output = input row ++ aggregate values.
 */
public final class StreamPhysicalOverAggregate extends SingleRel implements StreamPhysicalRel {
    private final ImmutableBitSet partitionKey;
    private final int timeIndex;
    private final boolean rowtime;
    private final boolean rows;
    private final long preceding;
    private final List<AggregateCall> aggCalls;

    public StreamPhysicalOverAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input,
                                       ImmutableBitSet partitionKey, int timeIndex, boolean rowtime, boolean rows,
                                       long preceding, List<AggregateCall> aggCalls, RelDataType rowType) {
        super(cluster, traits, input);
        this.partitionKey = partitionKey;
        this.timeIndex = timeIndex;
        this.rowtime = rowtime;
        this.rows = rows;
        this.preceding = preceding;
        this.aggCalls = List.copyOf(aggCalls);
        this.rowType = rowType;
    }

    public ImmutableBitSet partitionKey() { return partitionKey; }

    public int timeIndex() { return timeIndex; }

    public boolean rowtime() { return rowtime; }

    public boolean rows() { return rows; }

    /** -1 for UNBOUNDED, else rows (ROWS) or milliseconds (RANGE). */
    public long preceding() { return preceding; }

    public List<AggregateCall> aggCalls() { return aggCalls; }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new StreamPhysicalOverAggregate(getCluster(), traitSet, sole(inputs), partitionKey, timeIndex, rowtime,
            rows, preceding, aggCalls, rowType);
    }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    @Override
    public String explainName() {
        return "OverAggregate";
    }

    @Override
    public ChangelogMode changelogMode(List<ChangelogMode> inputModes, boolean updateBeforeRequired) {
        if (!inputModes.get(0).isInsertOnly()) {
            throw new ValidationException("not supported yet: OVER aggregation over an updating input ("
                + io.weir.planner.explain.PlanPrinter.describe(getInput()) + ")");
        }
        return ChangelogMode.insertOnly();
    }

    @Override
    public Set<ImmutableBitSet> uniqueKeys(List<Set<ImmutableBitSet>> inputKeys) {
        return inputKeys.get(0);
    }

    @Override
    public TimeAttribute[] timeAttributes(List<TimeAttribute[]> inputs) {
        TimeAttribute[] out = TimeAttribute.none(getRowType().getFieldCount());
        System.arraycopy(inputs.get(0), 0, out, 0, inputs.get(0).length);
        return out;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        List<String> in = getInput().getRowType().getFieldNames();
        List<String> aggs = new ArrayList<>();
        List<String> out = getRowType().getFieldNames();
        for (int i = 0; i < aggCalls.size(); i++) {
            aggs.add(PlanFormat.aggCall(aggCalls.get(i), in) + " AS " + out.get(in.size() + i));
        }
        String frame = (rows ? "ROWS" : "RANGE") + " BETWEEN " + (preceding < 0 ? "UNBOUNDED"
            : preceding + (rows ? "" : " ms")) + " PRECEDING AND CURRENT ROW";
        return super.explainTerms(pw)
            .itemIf("partitionBy", PlanFormat.fieldList(in, partitionKey.asList()), !partitionKey.isEmpty())
            .item("orderBy", in.get(timeIndex) + " ASC")
            .item("window", frame)
            .item("select", String.join(", ", in) + ", " + String.join(", ", aggs));
    }
}
