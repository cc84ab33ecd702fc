package io.weir.planner.rules;

import io.weir.planner.ValidationException;
import io.weir.planner.logical.LogicalTemporalJoin;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Snapshot;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Planner rule that turns {@code left JOIN right FOR SYSTEM_TIME AS OF left.t ON cond}, which Calcite
 * converts to {@code Correlate(left, Filter(cond, Snapshot($cor.t, right)))}, into a
 * {@link LogicalTemporalJoin} with the condition over {@code left ++ right}, or, on a processing-time
 * attribute against a table whose connector supports lookups, into a lookup join
 * ({@link LookupJoinRewrite}). Runs before decorrelation, which would otherwise lose the snapshot.
 */
public final class TemporalJoinRule extends RelOptRule {
    public static final TemporalJoinRule INSTANCE = new TemporalJoinRule();

    @SuppressWarnings("deprecation")
    private TemporalJoinRule() {
        super(operand(LogicalCorrelate.class, any()), "TemporalJoinRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalCorrelate correlate = call.rel(0);
        RelNode right = correlate.getRight().stripped();
        RexNode condition = null;
        if (right instanceof LogicalFilter) {
            condition = ((LogicalFilter) right).getCondition();
            right = ((LogicalFilter) right).getInput().stripped();
        }
        if (!(right instanceof Snapshot)) {
            return;
        }
        Snapshot snapshot = (Snapshot) right;
        JoinRelType type = correlate.getJoinType();
        if (type != JoinRelType.INNER && type != JoinRelType.LEFT) {
            throw new ValidationException("Temporal table join currently only supports INNER JOIN and LEFT JOIN,"
                + " not " + type);
        }
        RexNode period = snapshot.getPeriod();
        if (!(period instanceof RexFieldAccess)
            || !(((RexFieldAccess) period).getReferenceExpr() instanceof RexCorrelVariable)) {
            throw new ValidationException("Temporal table join currently only supports 'FOR SYSTEM_TIME AS OF' left"
                + " table's time attribute field, not the expression " + period);
        }
        int leftTime = ((RexFieldAccess) period).getField().getIndex();
        RelNode left = correlate.getLeft();
        RexNode joinCondition = condition == null ? null : condition.accept(new CorrelationRewriter(
            correlate.getCorrelationId(), left, correlate.getRowType(), correlate.getCluster().getRexBuilder()));
        RelNode lookup = LookupJoinRewrite.rewrite(correlate, snapshot.getInput(), leftTime, joinCondition);
        if (lookup != null) {
            call.transformTo(lookup);
            return;
        }
        checkEquiKeys(left, snapshot.getInput(), joinCondition);
        call.transformTo(new LogicalTemporalJoin(correlate.getCluster(), correlate.getTraitSet(), left,
            snapshot.getInput(), type, joinCondition, leftTime, correlate.getRowType()));
    }

    /** As in Flink, the condition must equate a left field with a right one (the key the versions are kept by). */
    private static void checkEquiKeys(RelNode left, RelNode right, RexNode condition) {
        List<Integer> leftKeys = new ArrayList<>();
        List<Integer> rightKeys = new ArrayList<>();
        if (condition != null) {
            RelOptUtil.splitJoinCondition(left, right, condition, leftKeys, rightKeys, new ArrayList<>(),
                new ArrayList<>());
        }
        if (leftKeys.isEmpty()) {
            throw new ValidationException("Temporal table join requires an equality condition on fields of table ["
                + tableName(right) + "].");
        }
    }

    /** The versioned table's name, for messages: the first table scanned below {@code rel}. */
    private static String tableName(RelNode rel) {
        RelNode n = rel.stripped();
        if (n instanceof org.apache.calcite.rel.core.TableScan) {
            return String.join(".", n.getTable().getQualifiedName());
        }
        for (RelNode in : n.getInputs()) {
            String name = tableName(in);
            if (!name.isEmpty()) {
                return name;
            }
        }
        return "";
    }
}
