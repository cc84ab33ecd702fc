package io.weir.planner.rules;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Replaces {@code LITERAL_AGG} calls (which subquery removal creates for {@code NOT IN} and
 * {@code IN} in a select list) by their literal in a projection above the aggregate: every group
 * has the same value.
 */
public final class LiteralAggRule extends RelOptRule {
    public static final LiteralAggRule INSTANCE = new LiteralAggRule();

    @SuppressWarnings("deprecation")
    private LiteralAggRule() {
        super(operand(LogicalAggregate.class, any()), "LiteralAggRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalAggregate agg = call.rel(0);
        if (agg.getGroupSets().size() != 1
            || agg.getAggCallList().stream().noneMatch(c -> c.getAggregation().getKind() == SqlKind.LITERAL_AGG)) {
            return;
        }
        List<AggregateCall> kept = new ArrayList<>();
        for (AggregateCall c : agg.getAggCallList()) {
            if (c.getAggregation().getKind() != SqlKind.LITERAL_AGG) {
                kept.add(c);
            }
        }
        LogicalAggregate narrowed = LogicalAggregate.create(agg.getInput(), agg.getHints(), agg.getGroupSet(), null, kept);
        RexBuilder rex = agg.getCluster().getRexBuilder();
        int groups = agg.getGroupCount();
        List<RexNode> projects = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            projects.add(rex.makeInputRef(narrowed, i));
        }
        int next = groups;
        for (AggregateCall c : agg.getAggCallList()) {
            if (c.getAggregation().getKind() == SqlKind.LITERAL_AGG) {
                projects.add(rex.makeCast(c.getType(), c.rexList.get(0), true, false));
            } else {
                projects.add(rex.makeInputRef(narrowed, next++));
            }
        }
        call.transformTo(LogicalProject.create(narrowed, List.of(), projects, agg.getRowType().getFieldNames(), Set.of()));
    }
}
