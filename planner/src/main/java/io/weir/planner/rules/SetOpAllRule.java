package io.weir.planner.rules;

import io.weir.planner.logical.LogicalSetOpAll;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Planner rule that turns {@code INTERSECT ALL} and {@code EXCEPT ALL} into a {@link LogicalSetOpAll}
 * over the {@code UNION ALL} of its inputs tagged with their side; more than two inputs are folded
 * from the left ({@code (a EXCEPT ALL b) EXCEPT ALL c}).
 */
public final class SetOpAllRule extends RelOptRule {
    public static final SetOpAllRule INSTANCE = new SetOpAllRule();

    @SuppressWarnings("deprecation")
    private SetOpAllRule() {
        super(operand(SetOp.class, any()), "SetOpAllRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        SetOp setOp = call.rel(0);
        if (!setOp.all || !(setOp instanceof Intersect || setOp instanceof Minus)) {
            return;
        }
        boolean intersect = setOp instanceof Intersect;
        RelNode result = setOp.getInputs().get(0);
        for (int i = 1; i < setOp.getInputs().size(); i++) {
            result = binary(result, setOp.getInputs().get(i), intersect, setOp.getRowType());
        }
        call.transformTo(result);
    }

    private static RelNode binary(RelNode left, RelNode right, boolean intersect, RelDataType type) {
        RelNode union = LogicalUnion.create(List.of(tagged(left, 0, type), tagged(right, 1, type)), true);
        RelNode op = new LogicalSetOpAll(left.getCluster(), left.getTraitSet(), union, intersect, type);
        return op;
    }

    /** The input cast to the set operation's row type, then its side as a last field. */
    private static RelNode tagged(RelNode input, int side, RelDataType type) {
        RexBuilder rex = input.getCluster().getRexBuilder();
        RelNode cast = RelOptUtil.createCastRel(input, type, true);
        List<RexNode> exprs = new ArrayList<>(rex.identityProjects(cast.getRowType()));
        exprs.add(rex.makeLiteral(side, input.getCluster().getTypeFactory().createSqlType(
            org.apache.calcite.sql.type.SqlTypeName.INTEGER)));
        List<String> names = new ArrayList<>(type.getFieldNames());
        names.add("$side");
        return LogicalProject.create(cast, List.of(), exprs, names, java.util.Set.of());
    }
}
