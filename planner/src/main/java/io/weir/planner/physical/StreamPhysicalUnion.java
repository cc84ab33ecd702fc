package io.weir.planner.physical;

import io.weir.planner.properties.ChangelogModes;
import io.weir.planner.properties.TimeAttribute;
import io.weir.runtime.connector.ChangelogMode;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Union;

import java.util.List;

/**
 * {@code UNION ALL}: every input's rows, as they come. Not an operator: translation connects
 * every input to the consumer (several edges into one input); rows keep their kinds.
 */
public final class StreamPhysicalUnion extends Union implements StreamPhysicalRel {

    public StreamPhysicalUnion(RelOptCluster cluster, RelTraitSet traits, List<RelNode> inputs) {
        super(cluster, traits, List.of(), inputs, true);
    }

    @Override
    public SetOp copy(RelTraitSet traitSet, List<RelNode> inputs, boolean all) {
        return new StreamPhysicalUnion(getCluster(), traitSet, inputs);
    }

    @Override
    public String explainName() {
        return "Union";
    }

    @Override
    public ChangelogMode changelogMode(List<ChangelogMode> inputModes, boolean updateBeforeRequired) {
        return ChangelogModes.union(inputModes);
    }

    @Override
    public TimeAttribute[] timeAttributes(List<TimeAttribute[]> inputs) {
        TimeAttribute[] out = inputs.get(0).clone();
        for (TimeAttribute[] in : inputs) {
            for (int i = 0; i < out.length; i++) {
                if (in[i] != out[i]) {
                    out[i] = TimeAttribute.NONE;
                }
            }
        }
        return out;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        for (RelNode input : getInputs()) {
            pw.input("input", input);
        }
        return pw.item("all", true).item("union", String.join(", ", getRowType().getFieldNames()));
    }
}
