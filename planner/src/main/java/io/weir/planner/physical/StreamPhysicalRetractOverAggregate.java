package io.weir.planner.physical;

import io.weir.planner.explain.PlanFormat;
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
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * OVER aggregation over an updating input or ordered by non-time columns
 * ({@code RetractOverAggregateOperator}, a Weir extension; Flink refuses both) behind a hash exchange
 * on the partition key (singleton without one): needs the partition key, the order key, the
 * generated {@code AggsHandle} of {@link #aggCalls()} (no retraction) and a comparator, ROWS or
 * RANGE, the preceding bound (-1 for UNBOUNDED; RANGE only unbounded), and
 * {@code table.exec.state.ttl}. Consumes {@code +I/-U/+U/-D} (needs {@code -U}); emits
 * {@code +I/-U/+U/-D}; output = input row ++ aggregate values. EXPLAIN shows it as
 * {@code OverAggregate(..., mode=[retract])}.
 */
public final class StreamPhysicalRetractOverAggregate extends SingleRel implements StreamPhysicalRel {
    private final ImmutableBitSet partitionKey;
    private final RelCollation orderKey;
    private final boolean rows;
    private final long preceding;
    private final List<AggregateCall> aggCalls;

    public StreamPhysicalRetractOverAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input,
                                              ImmutableBitSet partitionKey, RelCollation orderKey, boolean rows,
                                              long preceding, List<AggregateCall> aggCalls, RelDataType rowType) {
        super(cluster, traits, input);
        this.partitionKey = partitionKey;
        this.orderKey = orderKey;
        this.rows = rows;
        this.preceding = preceding;
        this.aggCalls = List.copyOf(aggCalls);
        this.rowType = rowType;
    }

    public ImmutableBitSet partitionKey() { return partitionKey; }

    public RelCollation orderKey() { return orderKey; }

    public boolean rows() { return rows; }

    /** -1 for UNBOUNDED, else rows (ROWS only). */
    public long preceding() { return preceding; }

    public List<AggregateCall> aggCalls() { return aggCalls; }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new StreamPhysicalRetractOverAggregate(getCluster(), traitSet, sole(inputs), partitionKey, orderKey,
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
        ChangelogModes.checkRetracting(inputModes.get(0), this);
        return ChangelogMode.all();
    }

    @Override
    public boolean requiresUpdateBefore(int input, boolean updateBeforeRequired) {
        return true;
    }

    /** Each input row has one output row, so the input's keys identify output rows and their updates. */
    @Override
    public Set<ImmutableBitSet> uniqueKeys(List<Set<ImmutableBitSet>> inputKeys) {
        return inputKeys.get(0);
    }

    /** Proctime stays proctime; rowtime does not survive (the output updates). */
    @Override
    public TimeAttribute[] timeAttributes(List<TimeAttribute[]> inputs) {
        TimeAttribute[] out = TimeAttribute.none(getRowType().getFieldCount());
        TimeAttribute[] in = inputs.get(0);
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] == TimeAttribute.PROCTIME ? TimeAttribute.PROCTIME : TimeAttribute.NONE;
        }
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
        List<String> order = new ArrayList<>();
        for (RelFieldCollation c : orderKey.getFieldCollations()) {
            boolean asc = !c.direction.isDescending();
            boolean nullsFirst = c.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED ? asc
                : c.nullDirection == RelFieldCollation.NullDirection.FIRST;
            // the comparator's default (Flink's): ASC NULLS FIRST, DESC NULLS LAST
            order.add(in.get(c.getFieldIndex()) + (asc ? " ASC" : " DESC")
                + (nullsFirst == asc ? "" : nullsFirst ? " NULLS FIRST" : " NULLS LAST"));
        }
        String frame = (rows ? "ROWS" : "RANGE") + " BETWEEN " + (preceding < 0 ? "UNBOUNDED" : String.valueOf(preceding))
            + " PRECEDING AND CURRENT ROW";
        return super.explainTerms(pw)
            .itemIf("partitionBy", PlanFormat.fieldList(in, partitionKey.asList()), !partitionKey.isEmpty())
            .item("orderBy", String.join(", ", order))
            .item("window", frame)
            .item("select", String.join(", ", in) + ", " + String.join(", ", aggs))
            .item("mode", "retract");
    }
}
