package io.weir.planner.rules;

import io.weir.planner.functions.WindowTableFunction;
import io.weir.planner.logical.LogicalWindowAggregate;
import io.weir.planner.logical.LogicalWindowTableFunction;
import io.weir.planner.logical.WindowSpec;
import io.weir.planner.properties.WindowProperties;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mappings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Planner rule that turns an aggregate grouped by {@code window_start} and {@code window_end} of
 * a windowing TVF (optionally through a Calc) into a {@link LogicalWindowAggregate} over the TVF's
 * input, with a Calc on top that restores the aggregate's field order.
 *
 * <p>An aggregate grouped by the {@code window_start} and {@code window_end} of an input that already
 * carries a rowtime window (the output of a window aggregation, window join or window Top-N, as
 * {@link WindowProperties} traces them) becomes a cascaded window aggregation (Flink's
 * "WindowAttachedWindowingStrategy"): the same window, read from the input's {@code window_end} column.
 * As in Flink, over a proctime window, or grouped by only one of the two columns, the aggregate stays a
 * regular (updating) group aggregation.
 */
public final class WindowAggregateRule extends RelOptRule {
    public static final WindowAggregateRule INSTANCE = new WindowAggregateRule();

    @SuppressWarnings("deprecation")
    private WindowAggregateRule() {
        super(operand(LogicalAggregate.class, any()), "WindowAggregateRule");
    }

    /** The window TVF call of {@code rel}, or null. */
    static WindowTableFunction windowFunction(RelNode rel) {
        if (rel instanceof LogicalTableFunctionScan) {
            RexNode call = ((LogicalTableFunctionScan) rel).getCall();
            if (call instanceof RexCall && ((RexCall) call).getOperator() instanceof WindowTableFunction) {
                return (WindowTableFunction) ((RexCall) call).getOperator();
            }
        }
        return null;
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalAggregate agg = call.rel(0);
        if (agg.getGroupSets().size() != 1) {
            return;
        }
        RelNode in = agg.getInput().stripped();
        LogicalCalc calc = null;
        if (in instanceof LogicalCalc) {
            calc = (LogicalCalc) in;
            in = calc.getInput().stripped();
        }
        if (windowFunction(in) == null) {
            attached(call, agg);
            return;
        }
        LogicalTableFunctionScan tvf = (LogicalTableFunctionScan) in;
        RelNode tvfInput = tvf.getInputs().get(0);
        int n = tvfInput.getRowType().getFieldCount();
        RexBuilder rex = agg.getCluster().getRexBuilder();
        List<RexNode> projects = new ArrayList<>();
        RexNode condition = null;
        if (calc == null) {
            for (int i = 0; i < tvf.getRowType().getFieldCount(); i++) {
                projects.add(rex.makeInputRef(tvf, i));
            }
        } else {
            RexProgram p = calc.getProgram();
            p.getProjectList().forEach(r -> projects.add(p.expandLocalRef(r)));
            condition = p.getCondition() == null ? null : p.expandLocalRef(p.getCondition());
            if (condition != null && usesWindowColumns(condition, n)) {
                return;
            }
        }
        WindowSpec spec = windowSpec((RexCall) tvf.getCall(), tvfInput);
        rewrite(call, agg, tvfInput, projects, condition, spec, n);
    }

    /**
     * Rewrites {@code agg} as a window aggregation over a Calc on {@code tvfInput}. Over a TVF, {@code projects}
     * are the aggregate's input fields over the TVF's input plus its window columns (from {@code n} on),
     * and {@code attached} is null; for a cascaded aggregation {@code projects} are plain references to
     * {@code tvfInput} (the aggregate's input), whose window columns {@code attached} gives.
     */
    private void rewrite(RelOptRuleCall call, LogicalAggregate agg, RelNode tvfInput, List<RexNode> projects,
                         RexNode condition, WindowSpec spec, int n) {
        rewrite(call, agg, tvfInput, projects, condition, spec, n, null);
    }

    private void rewrite(RelOptRuleCall call, LogicalAggregate agg, RelNode tvfInput, List<RexNode> projects,
                         RexNode condition, WindowSpec spec, int n, WindowProperties attached) {
        RexBuilder rex = agg.getCluster().getRexBuilder();
        List<RexNode> newExprs = new ArrayList<>();
        List<Integer> keyTargets = new ArrayList<>();
        int start = -1;
        int end = -1;
        int time = -1;
        List<Integer> groupKeys = agg.getGroupSet().asList();
        for (int k = 0; k < groupKeys.size(); k++) {
            RexNode e = projects.get(groupKeys.get(k));
            int windowField = attached != null ? attachedWindowField(attached, groupKeys.get(k))
                : e instanceof RexInputRef ? ((RexInputRef) e).getIndex() - n : -1;
            if (windowField == 0 && start < 0) {
                start = k;
            } else if (windowField == 1 && end < 0) {
                end = k;
            } else if (windowField == 2 && time < 0) {
                time = k;
            } else if (attached == null && usesWindowColumns(e, n)) {
                return;
            } else {
                keyTargets.add(k);
                newExprs.add(e);
            }
        }
        if (start < 0 || end < 0) {
            return;
        }
        Map<Integer, Integer> argMap = new HashMap<>();
        for (AggregateCall c : agg.getAggCallList()) {
            List<Integer> args = new ArrayList<>(c.getArgList());
            if (c.filterArg >= 0) {
                args.add(c.filterArg);
            }
            for (int a : args) {
                if (attached == null && usesWindowColumns(projects.get(a), n)) {
                    return;
                }
                if (!argMap.containsKey(a)) {
                    argMap.put(a, newExprs.size());
                    newExprs.add(projects.get(a));
                }
            }
        }
        int timeIndex = newExprs.size();
        newExprs.add(rex.makeInputRef(tvfInput, spec.timeIndex()));
        RelNode calcInput = LogicalCalc.create(tvfInput,
            RexProgram.create(tvfInput.getRowType(), newExprs, condition, names(newExprs, tvfInput), rex));
        Mappings.TargetMapping mapping = Mappings.target(argMap, projects.size(), newExprs.size());
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall c : agg.getAggCallList()) {
            calls.add(c.transform(mapping));
        }
        LogicalWindowAggregate windowAgg = new LogicalWindowAggregate(agg.getCluster(), agg.getTraitSet(), calcInput,
            ImmutableBitSet.range(keyTargets.size()), calls, spec.withTimeIndex(timeIndex));
        call.transformTo(restoreOrder(agg, windowAgg, groupKeys.size(), keyTargets, start, end, time));
    }

    /** The cascaded window aggregation of {@code agg}, if its input is windowed (see the class comment). */
    private void attached(RelOptRuleCall call, LogicalAggregate agg) {
        RelNode input = agg.getInput();
        WindowProperties w = WindowProperties.of(input);
        ImmutableBitSet grouping = agg.getGroupSet();
        if (w == null || directlyOverTvf(input) || grouping.intersect(w.starts()).isEmpty()
            || grouping.intersect(w.ends()).isEmpty() || !w.isRowtimeLogical()) {
            return;
        }
        if (w.window().kind() == WindowTableFunction.Kind.SESSION) {
            throw new io.weir.planner.ValidationException("not supported yet: a cascaded window aggregation (GROUP BY"
                + " window_start, window_end) over SESSION windows");
        }
        if (isLtz(w)) {
            throw new io.weir.planner.ValidationException("not supported yet: a cascaded window aggregation (GROUP BY"
                + " window_start, window_end) over a window on a TIMESTAMP_LTZ rowtime attribute");
        }
        RexBuilder rex = agg.getCluster().getRexBuilder();
        List<RexNode> projects = new ArrayList<>();
        for (int i = 0; i < input.getRowType().getFieldCount(); i++) {
            projects.add(rex.makeInputRef(input, i));
        }
        int windowEnd = grouping.intersect(w.ends()).nth(0);
        WindowSpec spec = w.window().attachedTo(windowEnd, input.getRowType().getFieldNames().get(windowEnd));
        rewrite(call, agg, input, projects, null, spec, input.getRowType().getFieldCount(), w);
    }

    /** Whether {@code rel} is a windowing TVF, through Calcs (then the window is not attached to the rows yet). */
    private static boolean directlyOverTvf(RelNode rel) {
        RelNode n = rel.stripped();
        while (n instanceof LogicalCalc) {
            n = n.getInput(0).stripped();
        }
        return n instanceof LogicalWindowTableFunction || windowFunction(n) != null;
    }

    private static boolean isLtz(WindowProperties w) {
        RelNode origin = w.origin();
        return !w.window().attached() && origin.getInput(0).getRowType().getFieldList().get(w.window().timeIndex())
            .getType().getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    }

    private static RelNode restoreOrder(LogicalAggregate agg, LogicalWindowAggregate windowAgg, int keyCount,
                                        List<Integer> keyTargets, int start, int end, int time) {
        RexBuilder rex = agg.getCluster().getRexBuilder();
        int k = keyTargets.size();
        int m = agg.getAggCallList().size();
        List<RexNode> out = new ArrayList<>();
        List<RelDataType> types = new ArrayList<>();
        agg.getRowType().getFieldList().forEach(f -> types.add(f.getType()));
        for (int i = 0; i < keyCount; i++) {
            int source = i == start ? k + m : i == end ? k + m + 1 : i == time ? k + m + 2 : keyTargets.indexOf(i);
            out.add(rex.ensureType(types.get(i), rex.makeInputRef(windowAgg, source), true));
        }
        for (int j = 0; j < m; j++) {
            out.add(rex.ensureType(types.get(keyCount + j), rex.makeInputRef(windowAgg, k + j), true));
        }
        return LogicalCalc.create(windowAgg, RexProgram.create(windowAgg.getRowType(), out, null,
            agg.getRowType().getFieldNames(), rex));
    }

    /** Input field names for plain references, {@code $f<i>} for computed fields. */
    private static List<String> names(List<RexNode> exprs, RelNode input) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < exprs.size(); i++) {
            RexNode e = exprs.get(i);
            String name = e instanceof RexInputRef ? input.getRowType().getFieldNames().get(((RexInputRef) e).getIndex())
                : "$f" + i;
            names.add(names.contains(name) ? name + "$" + i : name);
        }
        return names;
    }

    /** 0, 1, 2 if input field {@code f} is a window_start, window_end, window_time of {@code w}, else -1. */
    private static int attachedWindowField(WindowProperties w, int f) {
        return w.starts().get(f) ? 0 : w.ends().get(f) ? 1 : w.times().get(f) ? 2 : -1;
    }

    private static boolean usesWindowColumns(RexNode e, int n) {
        for (int i : org.apache.calcite.plan.RelOptUtil.InputFinder.bits(e)) {
            if (i >= n) {
                return true;
            }
        }
        return false;
    }

    /** The window of a TVF call: {@code KIND(DESCRIPTOR($t), interval...)}. */
    static WindowSpec windowSpec(RexCall call, RelNode input) {
        WindowTableFunction.Kind kind = ((WindowTableFunction) call.getOperator()).kind();
        RexCall descriptor = (RexCall) call.getOperands().get(0);
        int timeIndex = ((RexInputRef) descriptor.getOperands().get(0)).getIndex();
        String timeColumn = input.getRowType().getFieldNames().get(timeIndex);
        List<Long> ms = new ArrayList<>();
        for (int i = 1; i < call.getOperands().size(); i++) {
            ms.add(millis(call.getOperands().get(i)));
        }
        switch (kind) {
            case TUMBLE: return new WindowSpec(kind, timeIndex, timeColumn, ms.get(0), 0, offset(ms, 1));
            case HOP:
            case CUMULATE: return new WindowSpec(kind, timeIndex, timeColumn, ms.get(1), ms.get(0), offset(ms, 2));
            default: return new WindowSpec(kind, timeIndex, timeColumn, ms.get(0), 0, 0);
        }
    }

    private static long offset(List<Long> ms, int i) {
        return ms.size() > i ? ms.get(i) : 0L;
    }

    private static long millis(RexNode e) {
        if (!(e instanceof RexLiteral)) {
            throw new io.weir.planner.ValidationException("not supported yet: a window size that is not a "
                + "constant interval: " + e);
        }
        Long v = ((RexLiteral) e).getValueAs(Long.class);
        if (((RexLiteral) e).getType().getSqlTypeName().getFamily()
            == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_YEAR_MONTH) {
            throw new io.weir.planner.ValidationException("not supported yet: window sizes in months or years");
        }
        return v;
    }
}
