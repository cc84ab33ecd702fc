package io.weir.planner.rules;

import io.weir.planner.ValidationException;
import io.weir.planner.logical.LogicalOverAggregate;
import io.weir.planner.logical.LogicalRetractOverAggregate;
import io.weir.planner.properties.TimeAttribute;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Planner rule that turns a {@link LogicalWindow} of aggregate functions with one window into a
 * {@link LogicalOverAggregate} when it is ordered by one time attribute ascending (what Flink runs),
 * framed {@code ROWS|RANGE BETWEEN UNBOUNDED|n PRECEDING AND CURRENT ROW}; any other order becomes a
 * {@link LogicalRetractOverAggregate} (a Weir extension) framed {@code ROWS BETWEEN UNBOUNDED|n
 * PRECEDING AND CURRENT ROW} or {@code RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW}. (A time
 * order over an updating input is switched to the retracting node after physical planning, by
 * {@link RetractOverAggregateRewrite}.) Rank functions are left to {@link RankRule}; other shapes
 * are refused naming what is missing.
 */
public final class OverAggregateRule extends RelOptRule {
    public static final OverAggregateRule INSTANCE = new OverAggregateRule();

    @SuppressWarnings("deprecation")
    private OverAggregateRule() {
        super(operand(LogicalWindow.class, any()), "OverAggregateRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalWindow window = call.rel(0);
        for (Window.Group g : window.groups) {
            for (Window.RexWinAggCall c : g.aggCalls) {
                SqlKind k = c.getOperator().getKind();
                if (k == SqlKind.ROW_NUMBER || k == SqlKind.RANK || k == SqlKind.DENSE_RANK) {
                    return;
                }
            }
        }
        if (window.groups.size() != 1) {
            throw new ValidationException("not supported yet: OVER aggregates with different windows in one query;"
                + " use one window (PARTITION BY / ORDER BY / frame) per SELECT");
        }
        Window.Group group = window.groups.get(0);
        RelNode input = window.getInput();
        int inputCount = input.getRowType().getFieldCount();
        List<RelFieldCollation> order = group.orderKeys.getFieldCollations();
        if (order.isEmpty()) {
            throw new ValidationException("not supported yet: OVER aggregation without ORDER BY; order the window"
                + " (e.g. ORDER BY a time attribute)");
        }
        if (!group.upperBound.isCurrentRow()) {
            throw new ValidationException("not supported yet: OVER windows must end at CURRENT ROW, not "
                + group.upperBound);
        }
        long preceding = preceding(group.lowerBound, window, inputCount, group.isRows);
        List<AggregateCall> calls = aggregateCalls(window, group, inputCount);
        int timeIndex = order.get(0).getFieldIndex();
        TimeAttribute time = order.size() == 1 && order.get(0).direction == RelFieldCollation.Direction.ASCENDING
            ? RankRule.timeAttribute(input, timeIndex) : TimeAttribute.NONE;
        if (time != TimeAttribute.NONE) {
            call.transformTo(new LogicalOverAggregate(window.getCluster(), window.getTraitSet(), input, group.keys,
                timeIndex, time == TimeAttribute.ROWTIME, group.isRows, preceding, calls, window.getRowType()));
            return;
        }
        if (!group.isRows && preceding != -1) {
            throw new ValidationException("not supported yet: OVER window RANGE BETWEEN " + preceding
                + " PRECEDING AND CURRENT ROW ordered by " + orderText(input, order) + ", which is not one ascending time"
                + " attribute; use ROWS BETWEEN n PRECEDING AND CURRENT ROW or RANGE BETWEEN UNBOUNDED PRECEDING"
                + " AND CURRENT ROW");
        }
        call.transformTo(new LogicalRetractOverAggregate(window.getCluster(), window.getTraitSet(), input, group.keys,
            group.orderKeys, group.isRows, preceding, calls, window.getRowType()));
    }

    private static String orderText(RelNode input, List<RelFieldCollation> order) {
        List<String> names = input.getRowType().getFieldNames();
        List<String> out = new ArrayList<>();
        for (RelFieldCollation c : order) {
            out.add("'" + names.get(c.getFieldIndex()) + "'"
                + (c.direction == RelFieldCollation.Direction.DESCENDING ? " DESC" : ""));
        }
        return String.join(", ", out);
    }

    private static List<AggregateCall> aggregateCalls(LogicalWindow window, Window.Group group, int inputCount) {
        List<AggregateCall> calls = new ArrayList<>();
        List<String> names = window.getRowType().getFieldNames();
        for (int i = 0; i < group.aggCalls.size(); i++) {
            Window.RexWinAggCall c = group.aggCalls.get(i);
            List<Integer> args = new ArrayList<>();
            for (RexNode op : c.getOperands()) {
                if (!(op instanceof RexInputRef) || ((RexInputRef) op).getIndex() >= inputCount) {
                    throw new ValidationException("not supported yet: OVER aggregate " + c + " with a constant argument");
                }
                args.add(((RexInputRef) op).getIndex());
            }
            calls.add(AggregateCall.create((SqlAggFunction) c.getOperator(), c.distinct, false, c.ignoreNulls, List.of(),
                args, -1, null, RelCollations.EMPTY, c.getType(), names.get(inputCount + i)));
        }
        return calls;
    }

    private static long preceding(RexWindowBound lower, LogicalWindow window, int inputCount, boolean rows) {
        if (lower.isUnbounded() && lower.isPreceding()) {
            return -1;
        }
        if (lower.isCurrentRow()) {
            return 0;
        }
        if (!lower.isPreceding()) {
            throw new ValidationException("not supported yet: OVER windows must start at UNBOUNDED or n PRECEDING");
        }
        RexNode offset = lower.getOffset();
        RexLiteral lit = offset instanceof RexLiteral ? (RexLiteral) offset
            : offset instanceof RexInputRef && ((RexInputRef) offset).getIndex() >= inputCount
            ? window.constants.get(((RexInputRef) offset).getIndex() - inputCount) : null;
        BigDecimal v = lit == null ? null : lit.getValueAs(BigDecimal.class);
        if (v == null) {
            throw new ValidationException("not supported yet: OVER window offset " + offset);
        }
        return v.longValue();
    }
}
