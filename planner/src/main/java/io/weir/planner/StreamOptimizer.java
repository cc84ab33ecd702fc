package io.weir.planner;

import io.weir.planner.calcite.PlannerContext;
import io.weir.planner.physical.StreamPhysicalRel;
import io.weir.planner.physical.StreamPhysicalSink;
import io.weir.planner.rules.PlannerRules;
import io.weir.planner.rules.RetractOverAggregateRewrite;
import io.weir.planner.rules.UnsupportedCheck;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelNode;

import java.util.List;

/**
 * Optimizes one sink's logical plan into a streaming physical plan: Hep passes (subquery removal,
 * rewrites and constant folding, Calcs, window aggregate recognition), the unsupported-construct
 * check, then Volcano with the {@code StreamPhysicalXxxRule}s, then the OVER-over-updating-input rewrite.
 */
final class StreamOptimizer {
    private final PlannerContext context;

    StreamOptimizer(PlannerContext context) {
        this.context = context;
    }

    StreamPhysicalSink optimize(RelNode logicalSink) {
        RelNode rel = hep(logicalSink, PlannerRules.CORRELATE_AND_SET_OPS);
        rel = decorrelate(hep(rel, PlannerRules.SUBQUERY_REMOVAL));
        rel = hep(rel, PlannerRules.OVER);
        rel = hep(rel, PlannerRules.LOGICAL_REWRITE);
        rel = hep(rel, PlannerRules.TO_CALC);
        rel = hep(rel, PlannerRules.RANK);
        rel = hep(rel, PlannerRules.WINDOW);
        rel = hep(rel, PlannerRules.WINDOW_OPERATORS);
        rel = hep(rel, PlannerRules.PROJECTION_PUSH_DOWN);
        UnsupportedCheck.check(rel);
        return (StreamPhysicalSink) RetractOverAggregateRewrite.rewrite(physical(rel));
    }

    /** Correlated subqueries (EXISTS, IN with outer references) become joins where Calcite can decorrelate them. */
    private static RelNode decorrelate(RelNode rel) {
        if (!containsCorrelate(rel)) {
            return rel;
        }
        RelNode input = rel.getInput(0);
        RelNode decorrelated = org.apache.calcite.sql2rel.RelDecorrelator.decorrelateQuery(input,
            org.apache.calcite.tools.RelBuilder.proto(org.apache.calcite.plan.Contexts.empty())
                .create(rel.getCluster(), null));
        return rel.copy(rel.getTraitSet(), List.of(decorrelated));
    }

    private static boolean containsCorrelate(RelNode rel) {
        if (rel instanceof org.apache.calcite.rel.core.Correlate) {
            return true;
        }
        for (RelNode in : rel.getInputs()) {
            if (containsCorrelate(in)) {
                return true;
            }
        }
        return false;
    }

    private static RelNode hep(RelNode rel, List<RelOptRule> rules) {
        HepProgramBuilder b = new HepProgramBuilder().addMatchOrder(HepMatchOrder.BOTTOM_UP);
        b.addRuleCollection(rules);
        HepPlanner planner = new HepPlanner(b.build());
        planner.setRoot(rel);
        return planner.findBestExp();
    }

    private RelNode physical(RelNode rel) {
        VolcanoPlanner planner = context.planner();
        planner.clear();
        for (RelOptRule r : PlannerRules.PHYSICAL) {
            planner.addRule(r);
        }
        RelNode root = planner.changeTraits(rel, rel.getTraitSet().replace(StreamPhysicalRel.CONVENTION));
        planner.setRoot(root);
        try {
            return planner.findBestExp();
        } catch (RelOptPlanner.CannotPlanException e) {
            throw new ValidationException("not supported yet: this query has no streaming physical plan", e);
        }
    }
}
