package io.weir.planner.rules;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mappings;

import java.util.ArrayList;
import java.util.List;

/**
 * Planner rule that puts a Calc of only the fields an aggregate reads under it, so that the
 * projection can travel on down to the source (through watermark assigners).
 */
public final class AggregateInputNarrowRule extends RelOptRule {
    public static final AggregateInputNarrowRule INSTANCE = new AggregateInputNarrowRule();

    @SuppressWarnings("deprecation")
    private AggregateInputNarrowRule() {
        super(operand(LogicalAggregate.class, any()), "AggregateInputNarrowRule");
    }

    private static ImmutableBitSet remapped(Mappings.TargetMapping mapping, ImmutableBitSet bits) {
        ImmutableBitSet.Builder b = ImmutableBitSet.builder();
        for (int i : bits) {
            b.set(mapping.getTarget(i));
        }
        return b.build();
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalAggregate agg = call.rel(0);
        if (agg.getGroupSets().size() != 1) {
            return;
        }
        int n = agg.getInput().getRowType().getFieldCount();
        ImmutableBitSet.Builder used = ImmutableBitSet.builder().addAll(agg.getGroupSet());
        for (AggregateCall c : agg.getAggCallList()) {
            used.addAll(c.getArgList());
            if (c.filterArg >= 0) {
                used.set(c.filterArg);
            }
        }
        ImmutableBitSet kept = used.build();
        if (kept.isEmpty()) {
            kept = ImmutableBitSet.of(0);
        }
        if (kept.cardinality() == n) {
            return;
        }
        Mappings.TargetMapping mapping = CalcRewrites.keep(kept, n);
        LogicalCalc narrow = CalcRewrites.project(agg.getInput(), kept);
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall c : agg.getAggCallList()) {
            calls.add(c.transform(mapping));
        }
        call.transformTo(LogicalAggregate.create(narrow, agg.getHints(), remapped(mapping, agg.getGroupSet()),
            null, calls));
    }
}
