package io.weir.planner.rules;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mappings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Helpers for rules that narrow the input of a Calc. */
final class CalcRewrites {
    private CalcRewrites() {
    }

    /** The input fields a Calc reads. */
    static ImmutableBitSet usedFields(LogicalCalc calc) {
        RexProgram p = calc.getProgram();
        ImmutableBitSet.Builder b = ImmutableBitSet.builder();
        p.getProjectList().forEach(r -> b.addAll(RelOptUtil.InputFinder.bits(p.expandLocalRef(r))));
        if (p.getCondition() != null) {
            b.addAll(RelOptUtil.InputFinder.bits(p.expandLocalRef(p.getCondition())));
        }
        return b.build();
    }

    /** Maps old field positions in {@code kept} to their rank. */
    static Mappings.TargetMapping keep(ImmutableBitSet kept, int oldCount) {
        Map<Integer, Integer> map = new HashMap<>();
        int i = 0;
        for (int k : kept) {
            map.put(k, i++);
        }
        return Mappings.target(map, oldCount, kept.cardinality());
    }

    /** {@code calc}'s program over {@code newInput}, whose fields are the old ones mapped by {@code mapping}. */
    static LogicalCalc remap(LogicalCalc calc, RelNode newInput, Mappings.TargetMapping mapping) {
        RexProgram p = calc.getProgram();
        RexPermuteInputsShuttle shuttle = RexPermuteInputsShuttle.of(mapping);
        List<RexNode> projects = new ArrayList<>();
        p.getProjectList().forEach(r -> projects.add(p.expandLocalRef(r).accept(shuttle)));
        RexNode cond = p.getCondition() == null ? null : p.expandLocalRef(p.getCondition()).accept(shuttle);
        RexBuilder rex = calc.getCluster().getRexBuilder();
        return LogicalCalc.create(newInput, RexProgram.create(newInput.getRowType(), projects, cond,
            calc.getRowType().getFieldNames(), rex));
    }

    /** A Calc that only projects the fields {@code kept} of {@code input}. */
    static LogicalCalc project(RelNode input, ImmutableBitSet kept) {
        RexBuilder rex = input.getCluster().getRexBuilder();
        List<RexNode> refs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int k : kept) {
            refs.add(rex.makeInputRef(input, k));
            names.add(input.getRowType().getFieldNames().get(k));
        }
        return LogicalCalc.create(input, RexProgram.create(input.getRowType(), refs, null, names, rex));
    }
}
