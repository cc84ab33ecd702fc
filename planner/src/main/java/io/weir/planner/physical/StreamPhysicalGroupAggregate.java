package io.weir.planner.physical;

import io.weir.planner.explain.PlanFormat;
import io.weir.runtime.connector.ChangelogMode;
import io.weir.runtime.data.RowKind;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Unbounded {@code GROUP BY} aggregation, keyed by the grouping fields (its input is a hash
 * exchange on them, or a single exchange without grouping). Output: grouping fields, then one
 * field per aggregate call.
 *
 * <p>The operator needs: the key fields {@link #grouping()}, the generated {@code AggsHandle} of
 * {@link #aggCalls()} over the input row (with {@code retract} when {@link #needsRetraction} says
 * the input has {@code -U}/{@code -D} rows), whether to emit {@code -U} before {@code +U}
 * ({@code generateUpdateBefore}, from the changelog inference), and {@code table.exec.state.ttl}.
 * It emits {@code +I} for a new group, {@code -U}/{@code +U} on change, {@code -D} when a group's
 * count of rows drops to zero.
 */
public class StreamPhysicalGroupAggregate extends SingleRel implements StreamPhysicalRel {
    protected final ImmutableBitSet grouping;
    protected final List<AggregateCall> aggCalls;

    public StreamPhysicalGroupAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input,
                                        ImmutableBitSet grouping, List<AggregateCall> aggCalls, RelDataType rowType) {
        super(cluster, traits, input);
        this.grouping = grouping;
        this.aggCalls = List.copyOf(aggCalls);
        this.rowType = rowType;
    }

    public ImmutableBitSet grouping() {
        return grouping;
    }

    public List<AggregateCall> aggCalls() {
        return aggCalls;
    }

    /** True if the input's changelog has retractions that the accumulators must undo. */
    public static boolean needsRetraction(ChangelogMode inputMode) {
        return inputMode.contains(RowKind.UPDATE_BEFORE) || inputMode.contains(RowKind.DELETE);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new StreamPhysicalGroupAggregate(getCluster(), traitSet, sole(inputs), grouping, aggCalls, rowType);
    }

    @Override
    public String explainName() {
        return "GroupAggregate";
    }

    @Override
    public ChangelogMode changelogMode(List<ChangelogMode> inputModes, boolean updateBeforeRequired) {
        ChangelogMode in = inputModes.get(0);
        if (in.contains(RowKind.UPDATE_AFTER) && !in.contains(RowKind.UPDATE_BEFORE)) {
            throw new io.weir.planner.ValidationException("not supported yet: aggregating an upsert changelog"
                + " without UPDATE_BEFORE rows (changelogMode=[" + io.weir.planner.properties.ChangelogModes.explain(in)
                + "]); it needs a ChangelogNormalize step that Weir does not have yet");
        }
        EnumSet<RowKind> kinds = EnumSet.of(RowKind.INSERT, RowKind.UPDATE_AFTER);
        if (updateBeforeRequired) {
            kinds.add(RowKind.UPDATE_BEFORE);
        }
        if (needsRetraction(inputModes.get(0)) || inputModes.get(0).contains(RowKind.DELETE)) {
            kinds.add(RowKind.DELETE);
        }
        return io.weir.planner.properties.ChangelogModes.of(kinds);
    }

    /** The aggregate retracts what its input retracts, so it needs the old values. */
    @Override
    public boolean requiresUpdateBefore(int input, boolean updateBeforeRequired) {
        return true;
    }

    @Override
    public Set<ImmutableBitSet> uniqueKeys(List<Set<ImmutableBitSet>> inputKeys) {
        return Set.of(ImmutableBitSet.range(grouping.cardinality()));
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        List<String> in = getInput().getRowType().getFieldNames();
        return super.explainTerms(pw)
            .itemIf("groupBy", PlanFormat.fieldList(in, grouping.asList()), !grouping.isEmpty())
            .item("select", PlanFormat.aggSelect(in, grouping.asList(), aggCalls, getRowType().getFieldNames()));
    }
}
