package io.weir.planner.rules;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Planner rule that rewrites an aggregate with several grouping sets ({@code GROUPING SETS},
 * {@code ROLLUP}, {@code CUBE}) into a {@code UNION ALL} of one plain aggregate per grouping set,
 * each padded to the full output with {@code NULL} for the columns its set does not group by and
 * with {@code GROUPING(...)}, {@code GROUPING_ID(...)} and {@code GROUP_ID()} as constants.
 *
 * <p>Every branch groups a disjoint set of output rows (they differ in which columns are null, or
 * in {@code GROUP_ID}), so the union's changelog per output row equals that of Flink's single
 * aggregate over an expanded input. A branch over a windowing TVF that groups by
 * {@code window_start} and {@code window_end} is then an ordinary window aggregation.
 *
 * <p>Maintenance note: the input is referenced by every branch; the job reads it once per grouping
 * set. Flink instead expands each row N times in one operator (its {@code Expand} node).
 */
public final class GroupingSetsRule extends RelOptRule {
    public static final GroupingSetsRule INSTANCE = new GroupingSetsRule();

    @SuppressWarnings("deprecation")
    private GroupingSetsRule() {
        super(operand(LogicalAggregate.class, any()), "GroupingSetsRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalAggregate agg = call.rel(0);
        List<ImmutableBitSet> sets = agg.getGroupSets();
        if (sets.size() < 2) {
            return;
        }
        List<RelNode> branches = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            branches.add(branch(agg, sets.get(i), groupId(sets, i)));
        }
        call.transformTo(LogicalUnion.create(branches, true));
    }

    /** How many earlier grouping sets equal set {@code i} ({@code GROUP_ID()} of its rows). */
    private static int groupId(List<ImmutableBitSet> sets, int i) {
        int n = 0;
        for (int j = 0; j < i; j++) {
            if (sets.get(j).equals(sets.get(i))) {
                n++;
            }
        }
        return n;
    }

    /** One plain aggregate by {@code set}, projected to the original aggregate's row type. */
    private static RelNode branch(LogicalAggregate agg, ImmutableBitSet set, int groupId) {
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall c : agg.getAggCallList()) {
            if (!isGroupingFunction(c)) {
                calls.add(AggregateCall.create(c.getParserPosition(), c.getAggregation(), c.isDistinct(), c.isApproximate(),
                    c.ignoreNulls(), c.rexList, c.getArgList(), c.filterArg, c.distinctKeys, c.collation,
                    set.cardinality(), agg.getInput(), null, c.getName()));
            }
        }
        LogicalAggregate plain = LogicalAggregate.create(agg.getInput(), agg.getHints(), set, null, calls);
        RexBuilder rex = agg.getCluster().getRexBuilder();
        List<RelDataTypeField> out = agg.getRowType().getFieldList();
        List<RexNode> projects = new ArrayList<>();
        List<Integer> keys = agg.getGroupSet().asList();
        for (int k = 0; k < keys.size(); k++) {
            RelDataType type = out.get(k).getType();
            int pos = set.indexOf(keys.get(k));
            projects.add(pos >= 0 ? cast(rex, type, rex.makeInputRef(plain, pos)) : rex.makeNullLiteral(type));
        }
        int next = set.cardinality();
        for (int j = 0; j < agg.getAggCallList().size(); j++) {
            AggregateCall c = agg.getAggCallList().get(j);
            RelDataType type = out.get(keys.size() + j).getType();
            if (isGroupingFunction(c)) {
                projects.add(rex.makeExactLiteral(BigDecimal.valueOf(groupingValue(c, set, groupId)), type));
            } else {
                projects.add(cast(rex, type, rex.makeInputRef(plain, next++)));
            }
        }
        return LogicalProject.create(plain, List.of(), projects, agg.getRowType().getFieldNames(), Set.of());
    }

    private static RexNode cast(RexBuilder rex, RelDataType type, RexNode e) {
        return e.getType().equals(type) ? e : rex.makeCast(type, e, true, false);
    }

    private static boolean isGroupingFunction(AggregateCall c) {
        SqlKind kind = c.getAggregation().getKind();
        return kind == SqlKind.GROUPING || kind == SqlKind.GROUPING_ID || kind == SqlKind.GROUP_ID;
    }

    /**
     * {@code GROUPING(a, b, ...)} (and {@code GROUPING_ID}): one bit per argument, the first argument
     * the most significant, set when the argument is not grouped by in this set; {@code GROUP_ID()}:
     * the number of earlier identical grouping sets.
     */
    private static long groupingValue(AggregateCall c, ImmutableBitSet set, int groupId) {
        if (c.getAggregation().getKind() == SqlKind.GROUP_ID) {
            return groupId;
        }
        long v = 0;
        for (int arg : c.getArgList()) {
            v = (v << 1) | (set.get(arg) ? 0 : 1);
        }
        return v;
    }
}
