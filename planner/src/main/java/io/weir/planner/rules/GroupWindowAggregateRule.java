package io.weir.planner.rules;

import io.weir.planner.ValidationException;
import io.weir.planner.functions.GroupWindowProperty;
import io.weir.planner.functions.WindowTableFunction;
import io.weir.planner.logical.LogicalWindowAggregate;
import io.weir.planner.logical.WindowSpec;
import io.weir.planner.properties.TimeAttribute;
import io.weir.planner.properties.WindowProperties;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mappings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flink's legacy group window aggregation: {@code Calc(TUMBLE_END($w)...) <- Aggregate(group by
 * keys, $w) <- Calc($w = $TUMBLE(ts, size))} (likewise {@code $HOP(ts, slide, size)} and
 * {@code $SESSION(ts, gap)}) becomes {@code Calc <- LogicalWindowAggregate(keys) <- Calc}, the same
 * plan as the windowing TVF form. The auxiliary functions ({@link GroupWindowProperty}) become the
 * window aggregate's {@code window_start}, {@code window_end} and {@code window_time} (Flink's
 * {@code _ROWTIME} is {@code end - 1 ms}, the rowtime of the window). Applied by the Hep planner
 * (planning thread) after projections and filters became Calcs; a query it cannot rewrite keeps its
 * {@code $TUMBLE} call and is refused by {@link UnsupportedCheck}.
 */
public final class GroupWindowAggregateRule extends RelOptRule {
    public static final GroupWindowAggregateRule INSTANCE = new GroupWindowAggregateRule();

    @SuppressWarnings("deprecation")
    private GroupWindowAggregateRule() {
        super(operand(LogicalCalc.class, operand(LogicalAggregate.class, operand(LogicalCalc.class, any()))),
            "GroupWindowAggregateRule");
    }

    /** Whether {@code e} is a group window call ({@code $TUMBLE}, {@code $HOP}, {@code $SESSION}). */
    static boolean isGroupWindow(RexNode e) {
        switch (e.getKind()) {
            case TUMBLE: case HOP: case SESSION: return e instanceof RexCall;
            default: return false;
        }
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalCalc top = call.rel(0);
        LogicalAggregate agg = call.rel(1);
        LogicalCalc bottom = call.rel(2);
        if (agg.getGroupSets().size() != 1) {
            return;
        }
        RexProgram in = bottom.getProgram();
        List<RexNode> projects = new ArrayList<>();
        in.getProjectList().forEach(r -> projects.add(in.expandLocalRef(r)));
        List<Integer> groupKeys = agg.getGroupSet().asList();
        int windowKey = -1;
        for (int k = 0; k < groupKeys.size(); k++) {
            if (isGroupWindow(projects.get(groupKeys.get(k)))) {
                if (windowKey >= 0) {
                    throw new ValidationException("not supported: more than one group window (TUMBLE/HOP/SESSION) "
                        + "in one GROUP BY");
                }
                windowKey = k;
            }
        }
        if (windowKey < 0) {
            return;
        }
        RexCall window = (RexCall) projects.get(groupKeys.get(windowKey));
        WindowSpec spec = windowSpec(window, bottom.getInput());
        RexNode condition = in.getCondition() == null ? null : in.expandLocalRef(in.getCondition());
        rewrite(call, top, agg, bottom.getInput(), projects, condition, windowKey, spec);
    }

    private void rewrite(RelOptRuleCall call, LogicalCalc top, LogicalAggregate agg, RelNode input,
                         List<RexNode> projects, RexNode condition, int windowKey, WindowSpec spec) {
        RexBuilder rex = agg.getCluster().getRexBuilder();
        List<Integer> groupKeys = agg.getGroupSet().asList();
        List<RexNode> newExprs = new ArrayList<>();
        for (int k = 0; k < groupKeys.size(); k++) {
            if (k != windowKey) {
                newExprs.add(projects.get(groupKeys.get(k)));
            }
        }
        int keyCount = newExprs.size();
        Map<Integer, Integer> argMap = new HashMap<>();
        for (AggregateCall c : agg.getAggCallList()) {
            List<Integer> args = new ArrayList<>(c.getArgList());
            if (c.filterArg >= 0) {
                args.add(c.filterArg);
            }
            for (int a : args) {
                if (!argMap.containsKey(a)) {
                    argMap.put(a, newExprs.size());
                    newExprs.add(projects.get(a));
                }
            }
        }
        int timeIndex = newExprs.size();
        newExprs.add(rex.makeInputRef(input, spec.timeIndex()));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < newExprs.size(); i++) {
            RexNode e = newExprs.get(i);
            names.add(e instanceof RexInputRef ? input.getRowType().getFieldNames().get(((RexInputRef) e).getIndex())
                : "$f" + i);
        }
        RelNode calcInput = LogicalCalc.create(input,
            RexProgram.create(input.getRowType(), newExprs, condition, uniquify(names), rex));
        List<AggregateCall> calls = new ArrayList<>();
        Mappings.TargetMapping mapping = Mappings.target(argMap, projects.size(), newExprs.size());
        for (AggregateCall c : agg.getAggCallList()) {
            calls.add(c.transform(mapping));
        }
        LogicalWindowAggregate windowAgg = new LogicalWindowAggregate(agg.getCluster(), agg.getTraitSet(), calcInput,
            ImmutableBitSet.range(keyCount), calls, spec.withTimeIndex(timeIndex));
        TimeAttribute time = WindowProperties.logicalTimeAttribute(input, spec.timeIndex());
        RelNode result = topOverWindowAggregate(top, windowAgg, groupKeys.size(), windowKey, time);
        if (result != null) {
            call.transformTo(result);
        }
    }

    /** The top Calc re-expressed over the window aggregate, or null if it uses the window key other than through a property. */
    private static RelNode topOverWindowAggregate(LogicalCalc top, LogicalWindowAggregate windowAgg, int groupCount,
                                                  int windowKey, TimeAttribute time) {
        RexBuilder rex = top.getCluster().getRexBuilder();
        int keyCount = groupCount - 1;
        int aggCount = windowAgg.aggCalls().size();
        int start = keyCount + aggCount;
        boolean[] unmapped = {false};
        RexShuttle shuttle = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                int i = ref.getIndex();
                if (i == windowKey) {
                    unmapped[0] = true;
                    return ref;
                }
                int target = i < groupCount ? (i < windowKey ? i : i - 1) : i - 1;
                return rex.makeInputRef(windowAgg, target);
            }

            @Override
            public RexNode visitCall(RexCall c) {
                if (c.getOperator() instanceof GroupWindowProperty && c.getOperands().get(0) instanceof RexInputRef
                    && ((RexInputRef) c.getOperands().get(0)).getIndex() == windowKey) {
                    GroupWindowProperty p = (GroupWindowProperty) c.getOperator();
                    return rex.ensureType(c.getType(), rex.makeInputRef(windowAgg, start + offset(p, time)), true);
                }
                return super.visitCall(c);
            }
        };
        RexProgram p = top.getProgram();
        List<RexNode> out = new ArrayList<>();
        p.getProjectList().forEach(r -> out.add(p.expandLocalRef(r).accept(shuttle)));
        RexNode condition = p.getCondition() == null ? null : p.expandLocalRef(p.getCondition()).accept(shuttle);
        if (unmapped[0]) {
            return null;
        }
        return LogicalCalc.create(windowAgg, RexProgram.create(windowAgg.getRowType(), out, condition,
            top.getRowType().getFieldNames(), rex));
    }

    /** 0 = window_start, 1 = window_end, 2 = window_time, checking _ROWTIME / _PROCTIME against the window's time. */
    private static int offset(GroupWindowProperty p, TimeAttribute time) {
        switch (p.property()) {
            case START: return 0;
            case END: return 1;
            case ROWTIME:
                if (time == TimeAttribute.PROCTIME) {
                    throw new ValidationException(p.getName() + " on a processing-time window; use "
                        + p.window() + "_PROCTIME (or " + p.window() + "_END for a timestamp)");
                }
                return 2;
            default:
                if (time == TimeAttribute.ROWTIME) {
                    throw new ValidationException(p.getName() + " on an event-time window; use "
                        + p.window() + "_ROWTIME (or " + p.window() + "_END for a timestamp)");
                }
                return 2;
        }
    }

    /** The window of {@code $TUMBLE(ts, size)}, {@code $HOP(ts, slide, size)} or {@code $SESSION(ts, gap)}. */
    private static WindowSpec windowSpec(RexCall window, RelNode input) {
        String name = window.getOperator().getName().replace("$", "");
        List<RexNode> ops = window.getOperands();
        if (!(ops.get(0) instanceof RexInputRef)) {
            throw new ValidationException("not supported: the time argument of " + name + "(...) in GROUP BY must be"
                + " a time attribute column, not an expression: " + ops.get(0));
        }
        int t = ((RexInputRef) ops.get(0)).getIndex();
        String column = input.getRowType().getFieldNames().get(t);
        switch (window.getKind()) {
            case TUMBLE:
                checkArity(name, ops, 2, "TUMBLE(time_attr, size)");
                return new WindowSpec(WindowTableFunction.Kind.TUMBLE, t, column, millis(name, ops.get(1)), 0, 0);
            case HOP:
                checkArity(name, ops, 3, "HOP(time_attr, slide, size)");
                return new WindowSpec(WindowTableFunction.Kind.HOP, t, column, millis(name, ops.get(2)),
                    millis(name, ops.get(1)), 0);
            default:
                checkArity(name, ops, 2, "SESSION(time_attr, gap)");
                return new WindowSpec(WindowTableFunction.Kind.SESSION, t, column, millis(name, ops.get(1)), 0, 0);
        }
    }

    private static void checkArity(String name, List<RexNode> ops, int n, String form) {
        if (ops.size() != n) {
            throw new ValidationException("not supported yet: " + name + " group window with an alignment time;"
                + " write " + form);
        }
    }

    private static long millis(String name, RexNode e) {
        if (!(e instanceof RexLiteral)) {
            throw new ValidationException("not supported yet: a " + name + " window size that is not a constant"
                + " interval: " + e);
        }
        if (e.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH) {
            throw new ValidationException("not supported yet: window sizes in months or years");
        }
        long ms = ((RexLiteral) e).getValueAs(Long.class);
        if (ms <= 0) {
            throw new ValidationException("the " + name + " window size must be positive, got " + ms + " ms");
        }
        return ms;
    }

    private static List<String> uniquify(List<String> names) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            out.add(out.contains(n) ? n + "$" + i : n);
        }
        return out;
    }
}
