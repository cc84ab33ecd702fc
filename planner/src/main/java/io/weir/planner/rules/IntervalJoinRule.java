package io.weir.planner.rules;

import io.weir.planner.logical.LogicalIntervalJoin;
import io.weir.planner.physical.IntervalBounds;
import io.weir.planner.properties.TimeAttribute;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognizes interval joins: a join (inner or outer) whose condition bounds a time attribute of
 * the left input against one of the right input from below and above, e.g.
 * {@code l.ts BETWEEN r.ts - INTERVAL '1' HOUR AND r.ts}, both rowtime or both proctime. The rest of
 * the condition (equi-keys, residual) stays on the {@link LogicalIntervalJoin}.
 */
public final class IntervalJoinRule extends RelOptRule {
    public static final IntervalJoinRule INSTANCE = new IntervalJoinRule();

    @SuppressWarnings("deprecation")
    private IntervalJoinRule() {
        super(operand(LogicalJoin.class, any()), "IntervalJoinRule");
    }

    /** {@code field + offset} with the field's side. */
    private record Term(boolean left, int field, long offset) {
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalJoin join = call.rel(0);
        JoinRelType type = join.getJoinType();
        if (type == JoinRelType.SEMI || type == JoinRelType.ANTI) {
            return;
        }
        int leftCount = join.getLeft().getRowType().getFieldCount();
        RexNode condition = RexUtil.expandSearch(join.getCluster().getRexBuilder(), null, join.getCondition());
        int lf = -1;
        int rf = -1;
        long lower = Long.MIN_VALUE;
        long upper = Long.MAX_VALUE;
        List<RexNode> rest = new ArrayList<>();
        for (RexNode c : RelOptUtil.conjunctions(condition)) {
            long[] b = null;
            Term[] terms = comparison(c, leftCount, join);
            if (terms != null && terms[0].left() != terms[1].left()
                && RankRule.timeAttribute(join.getLeft(), leftField(terms)) != TimeAttribute.NONE
                && (lf < 0 || (lf == leftField(terms) && rf == rightField(terms, leftCount)))) {
                b = bound(c.getKind(), terms);
            }
            if (b == null) {
                rest.add(c);
                continue;
            }
            lf = leftField(terms);
            rf = rightField(terms, leftCount);
            lower = Math.max(lower, b[0]);
            upper = Math.min(upper, b[1]);
        }
        if (lf < 0 || lower == Long.MIN_VALUE || upper == Long.MAX_VALUE) {
            return;
        }
        TimeAttribute lt = RankRule.timeAttribute(join.getLeft(), lf);
        TimeAttribute rt = RankRule.timeAttribute(join.getRight(), rf);
        if (lt == TimeAttribute.NONE || lt != rt) {
            return;
        }
        RexNode remaining = RexUtil.composeConjunction(join.getCluster().getRexBuilder(), rest);
        call.transformTo(new LogicalIntervalJoin(join.getCluster(), join.getTraitSet(), join.getLeft(), join.getRight(),
            type, remaining, new IntervalBounds(lf, rf, lower, upper, lt == TimeAttribute.ROWTIME), join.getRowType()));
    }

    private static int leftField(Term[] t) {
        return t[0].left() ? t[0].field() : t[1].field();
    }

    private static int rightField(Term[] t, int leftCount) {
        return (t[0].left() ? t[1].field() : t[0].field()) - leftCount;
    }

    /** The bounds on {@code l - r} that {@code a OP b} states, or null. */
    private static long[] bound(SqlKind op, Term[] t) {
        // a + oa OP b + ob; with a left: l - r OP ob - oa; with a right: r - l OP ..., i.e. l - r reverse-OP oa - ob
        long c = t[0].left() ? t[1].offset() - t[0].offset() : t[0].offset() - t[1].offset();
        SqlKind k = t[0].left() ? op : op.reverse();
        switch (k) {
            case LESS_THAN_OR_EQUAL: return new long[] {Long.MIN_VALUE, c};
            case LESS_THAN: return new long[] {Long.MIN_VALUE, c - 1};
            case GREATER_THAN_OR_EQUAL: return new long[] {c, Long.MAX_VALUE};
            case GREATER_THAN: return new long[] {c + 1, Long.MAX_VALUE};
            case EQUALS: return new long[] {c, c};
            default: return null;
        }
    }

    private static Term[] comparison(RexNode c, int leftCount, LogicalJoin join) {
        if (!(c instanceof RexCall) || ((RexCall) c).getOperands().size() != 2 || !isComparison(c.getKind())) {
            return null;
        }
        Term a = resolve(term(((RexCall) c).getOperands().get(0), leftCount), leftCount, join);
        Term b = resolve(term(((RexCall) c).getOperands().get(1), leftCount), leftCount, join);
        return a == null || b == null ? null : new Term[] {a, b};
    }

    private static boolean isComparison(SqlKind k) {
        return k == SqlKind.LESS_THAN || k == SqlKind.LESS_THAN_OR_EQUAL || k == SqlKind.GREATER_THAN
            || k == SqlKind.GREATER_THAN_OR_EQUAL || k == SqlKind.EQUALS;
    }

    /**
     * Follows a field that the input's Calc computes as {@code field +/- interval} (join conditions
     * push such expressions below the join) to that field, adding the interval to the offset.
     */
    private static Term resolve(Term t, int leftCount, LogicalJoin join) {
        if (t == null) {
            return null;
        }
        int shift = t.left() ? 0 : leftCount;
        org.apache.calcite.rel.RelNode in = (t.left() ? join.getLeft() : join.getRight()).stripped();
        if (!(in instanceof org.apache.calcite.rel.logical.LogicalCalc)) {
            return t;
        }
        org.apache.calcite.rex.RexProgram p = ((org.apache.calcite.rel.logical.LogicalCalc) in).getProgram();
        List<RexNode> projects = new ArrayList<>();
        p.getProjectList().forEach(r -> projects.add(p.expandLocalRef(r)));
        Term inner = term(projects.get(t.field() - shift), Integer.MAX_VALUE);
        if (inner == null || inner.offset() == 0) {
            return t;
        }
        for (int j = 0; j < projects.size(); j++) {
            if (projects.get(j) instanceof RexInputRef && ((RexInputRef) projects.get(j)).getIndex() == inner.field()) {
                return new Term(t.left(), j + shift, t.offset() + inner.offset());
            }
        }
        return t;
    }

    private static Term term(RexNode e, int leftCount) {
        if (e instanceof RexInputRef) {
            int i = ((RexInputRef) e).getIndex();
            return new Term(i < leftCount, i, 0);
        }
        if (e.getKind() == SqlKind.CAST) {
            return null;
        }
        if (e instanceof RexCall && (e.getKind() == SqlKind.PLUS || e.getKind() == SqlKind.MINUS)) {
            List<RexNode> ops = ((RexCall) e).getOperands();
            Long ms = intervalMillis(ops.get(1));
            Term base = ms == null ? null : term(ops.get(0), leftCount);
            if (base == null && e.getKind() == SqlKind.PLUS) {
                ms = intervalMillis(ops.get(0));
                base = ms == null ? null : term(ops.get(1), leftCount);
            }
            if (base == null) {
                return null;
            }
            return new Term(base.left(), base.field(), base.offset() + (e.getKind() == SqlKind.PLUS ? ms : -ms));
        }
        return null;
    }

    private static Long intervalMillis(RexNode e) {
        if (e instanceof RexLiteral && e.getType().getSqlTypeName().getFamily()
            == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_DAY_TIME) {
            BigDecimal v = ((RexLiteral) e).getValueAs(BigDecimal.class);
            return v == null ? null : v.longValue();
        }
        return null;
    }
}
