package io.weir.planner.rules;

import io.weir.planner.logical.LogicalLookupJoin;
import io.weir.planner.logical.LogicalLookupJoin.LookupTable;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mappings;

import java.util.ArrayList;
import java.util.List;

/**
 * Planner rule that pushes the looked-up fields a Calc above a lookup join reads (with those the
 * keys and the residual condition need) into the looked-up table's projection, so that the lookup
 * source keeps only those columns in memory.
 */
public final class LookupJoinProjectionPushDownRule extends RelOptRule {
    public static final LookupJoinProjectionPushDownRule INSTANCE = new LookupJoinProjectionPushDownRule();

    @SuppressWarnings("deprecation")
    private LookupJoinProjectionPushDownRule() {
        super(operand(LogicalCalc.class, operand(LogicalLookupJoin.class, any())), "LookupJoinProjectionPushDownRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalCalc calc = call.rel(0);
        LogicalLookupJoin join = call.rel(1);
        int inputCount = join.getInput().getRowType().getFieldCount();
        int n = join.getRowType().getFieldCount();
        ImmutableBitSet.Builder used = ImmutableBitSet.builder().set(0, inputCount)
            .addAll(CalcRewrites.usedFields(calc));
        join.lookupKeys().forEach(k -> used.set(inputCount + k));
        if (join.condition() != null) {
            used.addAll(RelOptUtil.InputFinder.bits(join.condition()));
        }
        ImmutableBitSet kept = used.build();
        if (kept.cardinality() == n) {
            return;
        }
        Mappings.TargetMapping mapping = CalcRewrites.keep(kept, n);
        LookupTable old = join.table();
        List<Integer> projection = new ArrayList<>();
        for (int f : kept) {
            if (f >= inputCount) {
                projection.add(old.projection()[f - inputCount]);
            }
        }
        LookupTable table = new LookupTable(old.descriptor(), old.relOptTable(), old.producedType(),
            projection.stream().mapToInt(Integer::intValue).toArray());
        List<Integer> lookupKeys = new ArrayList<>();
        join.lookupKeys().forEach(k -> lookupKeys.add(mapping.getTarget(inputCount + k) - inputCount));
        RelDataType rowType = LogicalLookupJoin.joinedType(join.getCluster().getTypeFactory(),
            join.getInput().getRowType(), table, join.joinType());
        RexNode condition = join.condition() == null ? null
            : join.condition().accept(new RexPermuteInputsShuttle(mapping, join.getInput()) {
                @Override
                public RexNode visitInputRef(org.apache.calcite.rex.RexInputRef ref) {
                    int i = mapping.getTarget(ref.getIndex());
                    return join.getCluster().getRexBuilder().makeInputRef(rowType.getFieldList().get(i).getType(), i);
                }
            });
        RelNode narrow = new LogicalLookupJoin(join.getCluster(), join.getTraitSet(), join.getInput(), table,
            join.joinType(), join.inputKeys(), lookupKeys, condition, rowType);
        call.transformTo(CalcRewrites.remap(calc, narrow, mapping));
    }
}
