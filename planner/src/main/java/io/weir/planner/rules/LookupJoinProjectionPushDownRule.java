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
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mappings;

import java.util.ArrayList;
import java.util.List;

/**
 * Planner rule that narrows a lookup join to the fields a Calc above it reads (with those the keys
 * and the residual condition need): looked-up fields are pushed into the table's projection, so that
 * the lookup source keeps only those columns in memory, and unused input fields are projected away
 * below the join (a Calc that merges with the one computing the keys).
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
        ImmutableBitSet.Builder used = ImmutableBitSet.builder().addAll(CalcRewrites.usedFields(calc));
        join.inputKeys().forEach(used::set);
        join.lookupKeys().forEach(k -> used.set(inputCount + k));
        if (join.condition() != null) {
            used.addAll(RelOptUtil.InputFinder.bits(join.condition()));
        }
        ImmutableBitSet kept = used.build();
        ImmutableBitSet keptInput = kept.intersect(ImmutableBitSet.range(inputCount));
        if (kept.cardinality() == n || keptInput.isEmpty()) {
            return;
        }
        Mappings.TargetMapping mapping = CalcRewrites.keep(kept, n);
        int newInputCount = keptInput.cardinality();
        RelNode input = newInputCount == inputCount ? join.getInput() : CalcRewrites.project(join.getInput(), keptInput);
        LookupTable old = join.table();
        List<Integer> projection = new ArrayList<>();
        kept.asList().stream().filter(f -> f >= inputCount).forEach(f -> projection.add(old.projection()[f - inputCount]));
        LookupTable table = new LookupTable(old.descriptor(), old.relOptTable(), old.producedType(),
            projection.stream().mapToInt(Integer::intValue).toArray());
        List<Integer> inputKeys = new ArrayList<>();
        join.inputKeys().forEach(k -> inputKeys.add(mapping.getTarget(k)));
        List<Integer> lookupKeys = new ArrayList<>();
        join.lookupKeys().forEach(k -> lookupKeys.add(mapping.getTarget(inputCount + k) - newInputCount));
        RelDataType rowType = LogicalLookupJoin.joinedType(join.getCluster().getTypeFactory(), input.getRowType(),
            table, join.joinType());
        RexNode condition = join.condition() == null ? null : join.condition().accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                int i = mapping.getTarget(ref.getIndex());
                return join.getCluster().getRexBuilder().makeInputRef(rowType.getFieldList().get(i).getType(), i);
            }
        });
        RelNode narrow = new LogicalLookupJoin(join.getCluster(), join.getTraitSet(), input, table, join.joinType(),
            inputKeys, lookupKeys, condition, rowType);
        call.transformTo(CalcRewrites.remap(calc, narrow, mapping));
    }
}
