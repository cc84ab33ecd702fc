package io.weir.planner.physical;

import io.weir.planner.explain.PlanFormat;
import io.weir.planner.properties.TimeAttribute;
import io.weir.runtime.connector.ChangelogMode;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A fused projection and filter. The operator needs the generated {@code Calc} class of
 * {@link #projects()} and {@link #condition()} over the input row; it keeps each row's kind.
 */
public final class StreamPhysicalCalc extends Calc implements StreamPhysicalRel {

    public StreamPhysicalCalc(RelOptCluster cluster, RelTraitSet traits, RelNode input, RexProgram program) {
        super(cluster, traits, List.of(), input, program);
    }

    @Override
    public Calc copy(RelTraitSet traitSet, RelNode child, RexProgram program) {
        return new StreamPhysicalCalc(getCluster(), traitSet, child, program);
    }

    /** The output expressions over the input row. */
    public List<RexNode> projects() {
        List<RexNode> out = new ArrayList<>();
        for (var ref : program.getProjectList()) {
            out.add(program.expandLocalRef(ref));
        }
        return out;
    }

    /** The filter over the input row, or null. */
    public RexNode condition() {
        return program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
    }

    @Override
    public String explainName() {
        return "Calc";
    }

    @Override
    public ChangelogMode changelogMode(List<ChangelogMode> inputModes, boolean updateBeforeRequired) {
        return inputModes.get(0);
    }

    /** A filter over updates must see the old row too: a changed row may stop (or start) matching. */
    @Override
    public boolean requiresUpdateBefore(int input, boolean updateBeforeRequired) {
        return updateBeforeRequired || program.getCondition() != null;
    }

    @Override
    public Set<ImmutableBitSet> uniqueKeys(List<Set<ImmutableBitSet>> inputKeys) {
        List<RexNode> projects = projects();
        Set<ImmutableBitSet> out = new HashSet<>();
        for (ImmutableBitSet key : inputKeys.get(0)) {
            ImmutableBitSet.Builder mapped = ImmutableBitSet.builder();
            boolean complete = true;
            for (int k : key) {
                int pos = indexOfRef(projects, k);
                complete &= pos >= 0;
                if (pos >= 0) {
                    mapped.set(pos);
                }
            }
            if (complete) {
                out.add(mapped.build());
            }
        }
        return out;
    }

    private static int indexOfRef(List<RexNode> projects, int field) {
        for (int i = 0; i < projects.size(); i++) {
            RexNode p = projects.get(i);
            if (p instanceof RexInputRef && ((RexInputRef) p).getIndex() == field) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public TimeAttribute[] timeAttributes(List<TimeAttribute[]> inputs) {
        List<RexNode> projects = projects();
        TimeAttribute[] out = TimeAttribute.none(projects.size());
        for (int i = 0; i < projects.size(); i++) {
            RexNode p = projects.get(i);
            if (p instanceof RexInputRef) {
                out[i] = inputs.get(0)[((RexInputRef) p).getIndex()];
            } else if (isProctime(p)) {
                out[i] = TimeAttribute.PROCTIME;
            }
        }
        return out;
    }

    /** True for a {@code PROCTIME()} call. */
    public static boolean isProctime(RexNode e) {
        return e instanceof RexCall && ((RexCall) e).getOperator().getName().equalsIgnoreCase("PROCTIME")
            && ((RexCall) e).getOperands().isEmpty();
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        List<String> in = getInput().getRowType().getFieldNames();
        List<String> out = getRowType().getFieldNames();
        List<RexNode> projects = projects();
        List<String> select = new ArrayList<>();
        for (int i = 0; i < projects.size(); i++) {
            String e = PlanFormat.expr(projects.get(i), in);
            select.add(e.equals(out.get(i)) ? e : e + " AS " + out.get(i));
        }
        RexNode cond = condition();
        pw.input("input", getInput());
        return pw.item("select", String.join(", ", select))
            .itemIf("where", cond == null ? "" : PlanFormat.expr(cond, in), cond != null);
    }
}
