package io.weir.planner.rules;

import io.weir.planner.ValidationException;
import io.weir.planner.logical.LogicalWindowJoin;
import io.weir.planner.properties.WindowProperties;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Planner rule that turns a join of two windowed inputs whose condition equates both their
 * {@code window_start}s and their {@code window_end}s into a {@link LogicalWindowJoin} (Flink's window
 * join). As in Flink, equating only one of them, or joining different windows, is an error; a
 * condition equating neither stays a regular join.
 */
public final class WindowJoinRule extends RelOptRule {
    public static final WindowJoinRule INSTANCE = new WindowJoinRule();

    @SuppressWarnings("deprecation")
    private WindowJoinRule() {
        super(operand(LogicalJoin.class, any()), "WindowJoinRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalJoin join = call.rel(0);
        WindowProperties left = WindowProperties.of(join.getLeft());
        WindowProperties right = WindowProperties.of(join.getRight());
        if (left == null || right == null) {
            return;
        }
        int shift = join.getLeft().getRowType().getFieldCount();
        int leftEnd = -1;
        int rightEnd = -1;
        boolean startEquality = false;
        List<RexNode> rest = new ArrayList<>();
        for (RexNode c : RelOptUtil.conjunctions(join.getCondition())) {
            int[] pair = equality(c, shift);
            if (pair != null && left.starts().get(pair[0]) && right.starts().get(pair[1])) {
                startEquality = true;
            } else if (pair != null && left.ends().get(pair[0]) && right.ends().get(pair[1])) {
                leftEnd = pair[0];
                rightEnd = pair[1];
            } else {
                rest.add(c);
            }
        }
        if (!startEquality && leftEnd < 0) {
            return;
        }
        if (!startEquality || leftEnd < 0) {
            throw new ValidationException("Currently, window join requires JOIN ON condition must contain both window"
                + " starts equality of input tables and window ends equality of input tables.\nBut the current JOIN ON"
                + " condition is " + join.getCondition() + ".");
        }
        if (!WindowProperties.sameWindow(left.window(), right.window())) {
            throw new ValidationException("Currently, window join doesn't support different window table function of"
                + " left and right inputs.\nThe left window table function is " + left.window()
                + ".\nThe right window table function is " + right.window() + ".");
        }
        if (join.getJoinType() != JoinRelType.INNER && join.getJoinType() != JoinRelType.LEFT
            && join.getJoinType() != JoinRelType.RIGHT && join.getJoinType() != JoinRelType.FULL) {
            throw new ValidationException("not supported yet: " + join.getJoinType() + " window joins");
        }
        RexBuilder rex = join.getCluster().getRexBuilder();
        RexNode condition = rest.isEmpty() ? null : RexUtil.composeConjunction(rex, rest);
        call.transformTo(new LogicalWindowJoin(join.getCluster(), join.getTraitSet(), join.getLeft(), join.getRight(),
            join.getJoinType(), condition, leftEnd, rightEnd, left.window(), join.getRowType()));
    }

    /** {@code [left field, right field]} if {@code c} is {@code $l = $r} across the two sides, else null. */
    private static int[] equality(RexNode c, int shift) {
        if (c.getKind() != SqlKind.EQUALS) {
            return null;
        }
        List<RexNode> ops = ((RexCall) c).getOperands();
        if (!(ops.get(0) instanceof RexInputRef) || !(ops.get(1) instanceof RexInputRef)) {
            return null;
        }
        int a = ((RexInputRef) ops.get(0)).getIndex();
        int b = ((RexInputRef) ops.get(1)).getIndex();
        if (a < shift && b >= shift) {
            return new int[] {a, b - shift};
        }
        if (b < shift && a >= shift) {
            return new int[] {b, a - shift};
        }
        return null;
    }

}
