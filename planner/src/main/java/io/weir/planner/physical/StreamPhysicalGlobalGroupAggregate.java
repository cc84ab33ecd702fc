package io.weir.planner.physical;

import io.weir.planner.explain.PlanFormat;
import io.weir.runtime.connector.ChangelogMode;
import io.weir.runtime.data.RowKind;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.EnumSet;
import java.util.List;

/**
 * The global phase of two-phase aggregation: keyed by the grouping key (fields {@code 0..k-1} of
 * the local phase's rows), merges the local accumulators per mini-batch into state and emits the
 * result's changes like {@link StreamPhysicalGroupAggregate}. The operator needs the generated
 * {@code AggsHandle} of {@link #aggCalls()} over {@link #localInputType()} (the original input, so
 * that its accumulators match the local phase's), {@code generateUpdateBefore}, the state TTL and
 * the mini-batch settings.
 */
public final class StreamPhysicalGlobalGroupAggregate extends StreamPhysicalGroupAggregate {
    private final RelDataType localInputType;
    private final boolean inputRetracts;

    public StreamPhysicalGlobalGroupAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input,
                                              ImmutableBitSet originalGrouping, List<AggregateCall> aggCalls,
                                              RelDataType rowType, RelDataType localInputType, boolean inputRetracts) {
        super(cluster, traits, input, originalGrouping, aggCalls, rowType);
        this.localInputType = localInputType;
        this.inputRetracts = inputRetracts;
    }

    /** The row type the local phase aggregated (what the aggregate calls refer to). */
    public RelDataType localInputType() {
        return localInputType;
    }

    /** Whether the local phase's input had -U/-D rows (so the accumulators retract). */
    public boolean inputRetracts() {
        return inputRetracts;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new StreamPhysicalGlobalGroupAggregate(getCluster(), traitSet, sole(inputs), grouping, aggCalls, rowType,
            localInputType, inputRetracts);
    }

    @Override
    public String explainName() {
        return "GlobalGroupAggregate";
    }

    @Override
    public ChangelogMode changelogMode(List<ChangelogMode> inputModes, boolean updateBeforeRequired) {
        EnumSet<RowKind> kinds = EnumSet.of(RowKind.INSERT, RowKind.UPDATE_AFTER);
        if (updateBeforeRequired) {
            kinds.add(RowKind.UPDATE_BEFORE);
        }
        if (inputRetracts) {
            kinds.add(RowKind.DELETE);
        }
        return io.weir.planner.properties.ChangelogModes.of(kinds);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        List<String> local = localInputType.getFieldNames();
        pw.input("input", getInput());
        return pw.itemIf("groupBy", PlanFormat.fieldList(local, grouping.asList()), !grouping.isEmpty())
            .item("select", PlanFormat.aggSelect(local, grouping.asList(), aggCalls, getRowType().getFieldNames()));
    }
}
