package io.weir.planner.physical;

import io.weir.planner.explain.PlanFormat;
import io.weir.runtime.connector.ChangelogMode;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;

/**
 * The local phase of two-phase aggregation (mini-batch only), before the hash exchange: per
 * mini-batch and grouping key, one {@code +I} row of {@code key ++ accumulators}. Its row type
 * lists one field per aggregate call for display; at run time the accumulator fields are those of
 * the generated {@code AggsHandle}'s {@code accumulatorType()}, which only the global phase reads.
 *
 * <p>The operator needs: the key fields (a generated {@code KeyProjection}), the generated
 * {@code AggsHandle} of {@link #aggCalls()} over the input (with retraction when the input
 * retracts) and the mini-batch settings.
 */
public final class StreamPhysicalLocalGroupAggregate extends SingleRel implements StreamPhysicalRel {
    private final ImmutableBitSet grouping;
    private final List<AggregateCall> aggCalls;

    public StreamPhysicalLocalGroupAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input,
                                             ImmutableBitSet grouping, List<AggregateCall> aggCalls) {
        super(cluster, traits, input);
        this.grouping = grouping;
        this.aggCalls = List.copyOf(aggCalls);
    }

    public ImmutableBitSet grouping() {
        return grouping;
    }

    public List<AggregateCall> aggCalls() {
        return aggCalls;
    }

    @Override
    protected RelDataType deriveRowType() {
        RelDataTypeFactory.Builder b = getCluster().getTypeFactory().builder();
        for (int g : grouping) {
            b.add(getInput().getRowType().getFieldList().get(g));
        }
        for (int i = 0; i < aggCalls.size(); i++) {
            b.add(aggCalls.get(i).getAggregation().getName().toLowerCase(java.util.Locale.ROOT) + "$" + i,
                aggCalls.get(i).getType());
        }
        return b.uniquify().build();
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new StreamPhysicalLocalGroupAggregate(getCluster(), traitSet, sole(inputs), grouping, aggCalls);
    }

    @Override
    public String explainName() {
        return "LocalGroupAggregate";
    }

    @Override
    public ChangelogMode changelogMode(List<ChangelogMode> inputModes, boolean updateBeforeRequired) {
        return ChangelogMode.insertOnly();
    }

    @Override
    public boolean requiresUpdateBefore(int input, boolean updateBeforeRequired) {
        return true;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        List<String> in = getInput().getRowType().getFieldNames();
        List<String> out = new ArrayList<>(getRowType().getFieldNames());
        return super.explainTerms(pw)
            .itemIf("groupBy", PlanFormat.fieldList(in, grouping.asList()), !grouping.isEmpty())
            .item("select", PlanFormat.aggSelect(in, grouping.asList(), aggCalls, out));
    }
}
