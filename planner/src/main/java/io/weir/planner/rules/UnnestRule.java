package io.weir.planner.rules;

import io.weir.planner.ValidationException;
import io.weir.planner.logical.LogicalUnnest;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Uncollect;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

import java.util.ArrayList;
import java.util.List;

/**
 * Planner rule that turns {@code left CROSS JOIN UNNEST(expr) [WITH ORDINALITY] AS t(...)} and
 * {@code left LEFT JOIN UNNEST(expr) AS t(...) ON TRUE} — in Calcite
 * {@code Correlate(left, [Filter] [Project] Uncollect(Project(expr over $cor, Values(one row))))} — into a
 * {@link LogicalUnnest} of a left field, with projections computing {@code expr} first (when it is not
 * a plain field) and renaming/dropping fields after; an inner join's {@code ON} condition becomes a filter.
 */
public final class UnnestRule extends RelOptRule {
    public static final UnnestRule INSTANCE = new UnnestRule();

    @SuppressWarnings("deprecation")
    private UnnestRule() {
        super(operand(LogicalCorrelate.class, any()), "UnnestRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalCorrelate correlate = call.rel(0);
        RelNode right = correlate.getRight().stripped();
        LogicalFilter filter = null;
        if (right instanceof LogicalFilter) {
            filter = (LogicalFilter) right;
            right = filter.getInput().stripped();
        }
        LogicalProject rename = null;
        if (right instanceof LogicalProject) {
            rename = (LogicalProject) right;
            right = rename.getInput().stripped();
        }
        if (!(right instanceof Uncollect)) {
            return;
        }
        Uncollect uncollect = (Uncollect) right;
        RelNode source = uncollect.getInput().stripped();
        if (!(source instanceof LogicalProject) || !(((LogicalProject) source).getInput().stripped() instanceof LogicalValues)) {
            throw new ValidationException("not supported yet: UNNEST of a subquery; UNNEST takes an ARRAY, MULTISET"
                + " or MAP expression of the tables before it");
        }
        List<RexNode> collections = ((LogicalProject) source).getProjects();
        if (collections.size() != 1) {
            throw new ValidationException("not supported yet: UNNEST of several collections at once; unnest them one"
                + " after the other (CROSS JOIN UNNEST(a) CROSS JOIN UNNEST(b))");
        }
        JoinRelType type = correlate.getJoinType();
        if (type != JoinRelType.INNER && type != JoinRelType.LEFT) {
            throw new ValidationException("not supported yet: " + type + " JOIN UNNEST; use CROSS JOIN UNNEST or"
                + " LEFT JOIN UNNEST(...) ON TRUE");
        }
        if (type == JoinRelType.LEFT && filter != null && !filter.getCondition().isAlwaysTrue()) {
            throw new ValidationException("not supported yet: LEFT JOIN UNNEST(...) with a condition; only ON TRUE"
                + " is supported (filter in the WHERE clause instead)");
        }
        call.transformTo(rewrite(correlate, collections.get(0), uncollect, rename,
            type == JoinRelType.INNER ? filter : null));
    }

    private static RelNode rewrite(LogicalCorrelate correlate, RexNode collection, Uncollect uncollect,
                                   LogicalProject rename, LogicalFilter filter) {
        RexBuilder rex = correlate.getCluster().getRexBuilder();
        RelNode left = correlate.getLeft();
        int leftCount = left.getRowType().getFieldCount();
        RexNode expr = collection.accept(new CorrelationRewriter(correlate.getCorrelationId(), left,
            left.getRowType(), rex));
        RelNode input = left;
        int index;
        if (expr instanceof RexInputRef) {
            index = ((RexInputRef) expr).getIndex();
        } else {
            List<RexNode> exprs = new ArrayList<>(rex.identityProjects(left.getRowType()));
            exprs.add(expr);
            List<String> names = new ArrayList<>(left.getRowType().getFieldNames());
            names.add("$unnest");
            input = org.apache.calcite.tools.RelBuilder.proto(org.apache.calcite.plan.Contexts.empty())
                .create(correlate.getCluster(), null).push(left).project(exprs, names, true).build();
            index = leftCount;
        }
        boolean outer = correlate.getJoinType() == JoinRelType.LEFT;
        RelDataType unnestType = unnestRowType(input.getRowType(), uncollect.getRowType(), outer,
            correlate.getCluster().getTypeFactory());
        LogicalUnnest unnest = new LogicalUnnest(correlate.getCluster(), correlate.getTraitSet(), input, index,
            uncollect.withOrdinality, outer, unnestType);
        int shift = input.getRowType().getFieldCount();
        RexShuttle toUnnest = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                int i = shift + ref.getIndex();
                return rex.makeInputRef(unnestType.getFieldList().get(i).getType(), i);
            }
        };
        List<RexNode> projects = new ArrayList<>();
        for (int i = 0; i < leftCount; i++) {
            projects.add(rex.makeInputRef(unnest, i));
        }
        if (rename == null) {
            for (int i = 0; i < uncollect.getRowType().getFieldCount(); i++) {
                projects.add(rex.makeInputRef(unnest, shift + i));
            }
        } else {
            for (RexNode e : rename.getProjects()) {
                projects.add(e.accept(toUnnest));
            }
        }
        RelNode result = LogicalProject.create(unnest, List.of(), projects, correlate.getRowType().getFieldNames(),
            java.util.Set.of());
        if (filter != null) {
            RexNode cond = filter.getCondition().accept(new CorrelationRewriter(correlate.getCorrelationId(), left,
                result.getRowType(), rex));
            result = LogicalFilter.create(result, cond);
        }
        return result;
    }

    private static RelDataType unnestRowType(RelDataType input, RelDataType elements, boolean outer,
                                             RelDataTypeFactory tf) {
        RelDataTypeFactory.Builder b = tf.builder();
        for (RelDataTypeField f : input.getFieldList()) {
            b.add(f);
        }
        for (RelDataTypeField f : elements.getFieldList()) {
            b.add(f.getName(), outer ? tf.createTypeWithNullability(f.getType(), true) : f.getType());
        }
        return b.uniquify().build();
    }
}
