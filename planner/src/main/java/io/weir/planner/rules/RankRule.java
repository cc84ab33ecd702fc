package io.weir.planner.rules;

import io.weir.planner.logical.LogicalRank;
import io.weir.planner.logical.LogicalWatermarkAssigner;
import io.weir.planner.physical.StreamPhysicalCalc;
import io.weir.planner.properties.TimeAttribute;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Recognizes Top-N and deduplication: a Calc whose condition bounds the rank of a
 * {@code ROW_NUMBER() | RANK() | DENSE_RANK() OVER (PARTITION BY .. ORDER BY ..)} window
 * ({@code rn <= N}, {@code rn < N}, {@code rn = N}, {@code rn BETWEEN a AND b}) becomes a
 * {@link LogicalRank} with the rest of the Calc on top. The rank column is produced only if the
 * Calc uses it. A window without an upper bound on the rank stays a window (refused later as OVER).
 */
public final class RankRule extends RelOptRule {
    public static final RankRule INSTANCE = new RankRule();

    @SuppressWarnings("deprecation")
    private RankRule() {
        super(operand(LogicalCalc.class, operand(LogicalWindow.class, any())), "RankRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalCalc calc = call.rel(0);
        LogicalWindow window = call.rel(1);
        if (window.groups.size() != 1 || window.groups.get(0).aggCalls.size() != 1 || !window.constants.isEmpty()) {
            return;
        }
        Window.Group group = window.groups.get(0);
        LogicalRank.Kind kind = kind(group.aggCalls.get(0).getOperator().getKind());
        if (kind == null || group.orderKeys.getFieldCollations().isEmpty()) {
            return;
        }
        RelNode input = window.getInput();
        int rankField = input.getRowType().getFieldCount();
        RexProgram program = calc.getProgram();
        List<RexNode> projects = new ArrayList<>();
        program.getProjectList().forEach(r -> projects.add(program.expandLocalRef(r)));
        RexNode condition = program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
        if (condition == null) {
            return;
        }
        RexBuilder rex = calc.getCluster().getRexBuilder();
        condition = RexUtil.expandSearch(rex, null, condition);
        long start = 1;
        long end = -1;
        List<RexNode> rest = new ArrayList<>();
        for (RexNode c : RelOptUtilConjunctions.of(condition)) {
            long[] bound = bound(c, rankField);
            if (bound == null) {
                rest.add(c);
            } else {
                start = Math.max(start, bound[0]);
                end = end < 0 ? bound[1] : Math.min(end, bound[1]);
            }
        }
        if (end < 0 || end == Long.MAX_VALUE) {
            return;
        }
        RexNode restCondition = rest.isEmpty() ? null : RexUtil.composeConjunction(rex, rest);
        boolean outputRank = uses(projects, rankField) || (restCondition != null && uses(List.of(restCondition), rankField));
        TimeAttribute dedup = TimeAttribute.NONE;
        List<RelFieldCollation> order = group.orderKeys.getFieldCollations();
        if (kind == LogicalRank.Kind.ROW_NUMBER && start == 1 && end == 1 && !outputRank && order.size() == 1) {
            dedup = timeAttribute(input, order.get(0).getFieldIndex());
        }
        RelDataType rowType = input.getRowType();
        if (outputRank) {
            RelDataTypeFactory tf = calc.getCluster().getTypeFactory();
            RelDataType bigint = tf.createTypeWithNullability(tf.createSqlType(SqlTypeName.BIGINT), false);
            rowType = tf.builder().addAll(input.getRowType().getFieldList())
                .add(window.getRowType().getFieldNames().get(rankField), bigint).build();
        }
        LogicalRank rank = new LogicalRank(calc.getCluster(), calc.getTraitSet(), input, group.keys, group.orderKeys, kind,
            start, end, outputRank, dedup, rowType);
        RexProgram top = RexProgram.create(rowType, projects, restCondition, calc.getRowType(), rex);
        call.transformTo(LogicalCalc.create(rank, top));
    }

    private static LogicalRank.Kind kind(SqlKind k) {
        switch (k) {
            case ROW_NUMBER: return LogicalRank.Kind.ROW_NUMBER;
            case RANK: return LogicalRank.Kind.RANK;
            case DENSE_RANK: return LogicalRank.Kind.DENSE_RANK;
            default: return null;
        }
    }

    /** {@code [start, end]} if {@code c} bounds the rank field by a literal ({@code end} = MAX if open), else null. */
    private static long[] bound(RexNode c, int rankField) {
        if (!(c instanceof RexCall) || ((RexCall) c).getOperands().size() != 2) {
            return null;
        }
        RexCall call = (RexCall) c;
        RexNode a = call.getOperands().get(0);
        RexNode b = call.getOperands().get(1);
        SqlKind kind = call.getKind();
        if (isRank(b, rankField) && literal(a) != null) {
            kind = kind.reverse();
            RexNode t = a;
            a = b;
            b = t;
        }
        Long v = literal(b);
        if (!isRank(a, rankField) || v == null) {
            return null;
        }
        switch (kind) {
            case LESS_THAN_OR_EQUAL: return new long[] {1, v};
            case LESS_THAN: return new long[] {1, v - 1};
            case EQUALS: return new long[] {v, v};
            case GREATER_THAN_OR_EQUAL: return new long[] {v, Long.MAX_VALUE};
            case GREATER_THAN: return new long[] {v + 1, Long.MAX_VALUE};
            default: return null;
        }
    }

    private static boolean isRank(RexNode e, int rankField) {
        RexNode s = e.getKind() == SqlKind.CAST ? ((RexCall) e).getOperands().get(0) : e;
        return s instanceof RexInputRef && ((RexInputRef) s).getIndex() == rankField;
    }

    private static Long literal(RexNode e) {
        RexNode s = e.getKind() == SqlKind.CAST ? ((RexCall) e).getOperands().get(0) : e;
        if (s instanceof RexLiteral && org.apache.calcite.sql.type.SqlTypeUtil.isNumeric(s.getType())
            && ((RexLiteral) s).getValueAs(java.math.BigDecimal.class) != null) {
            return ((RexLiteral) s).getValueAs(java.math.BigDecimal.class).longValue();
        }
        return null;
    }

    private static boolean uses(List<RexNode> exprs, int field) {
        return RelOptUtilConjunctions.inputs(exprs).get(field);
    }

    /**
     * The time attribute that field {@code field} of {@code rel} carries, following Calcs down to
     * the watermark assigner (rowtime) or a {@code PROCTIME()} call; NONE through anything else.
     */
    static TimeAttribute timeAttribute(RelNode rel, int field) {
        RelNode n = rel.stripped();
        if (n instanceof LogicalWatermarkAssigner) {
            LogicalWatermarkAssigner w = (LogicalWatermarkAssigner) n;
            return w.rowtimeIndex() == field ? TimeAttribute.ROWTIME : timeAttribute(w.getInput(), field);
        }
        if (n instanceof LogicalCalc) {
            RexProgram p = ((LogicalCalc) n).getProgram();
            RexNode e = p.expandLocalRef(p.getProjectList().get(field));
            if (StreamPhysicalCalc.isProctime(e)) {
                return TimeAttribute.PROCTIME;
            }
            return e instanceof RexInputRef ? timeAttribute(((LogicalCalc) n).getInput(), ((RexInputRef) e).getIndex())
                : TimeAttribute.NONE;
        }
        return TimeAttribute.NONE;
    }

    /** Small helpers over conjunctions and used fields. */
    private static final class RelOptUtilConjunctions {
        static List<RexNode> of(RexNode condition) {
            return org.apache.calcite.plan.RelOptUtil.conjunctions(condition);
        }

        static ImmutableBitSet inputs(List<RexNode> exprs) {
            return org.apache.calcite.plan.RelOptUtil.InputFinder.bits(exprs, null);
        }
    }
}
