package io.weir.planner.physical;

import io.weir.planner.explain.PlanFormat;
import io.weir.planner.properties.TimeAttribute;
import io.weir.runtime.connector.ChangelogMode;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelDistribution;
import org.apache.calcite.rel.RelDistributions;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.Exchange;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.List;
import java.util.Set;

/**
 * Redistributes rows between tasks: {@code hash[keys]} (by key group of the key fields),
 * {@code single} (all rows to one task) or {@code broadcast}. Not an operator: translation makes
 * it the partitioner of the edge between two vertices.
 */
public final class StreamPhysicalExchange extends Exchange implements StreamPhysicalRel {

    public StreamPhysicalExchange(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelDistribution distribution) {
        super(cluster, traits, input, distribution);
    }

    /** A hash exchange on {@code keys}, or a single exchange if there are none. */
    public static StreamPhysicalExchange byKeys(RelNode input, List<Integer> keys) {
        RelDistribution d = keys.isEmpty() ? RelDistributions.SINGLETON : RelDistributions.hash(keys);
        return new StreamPhysicalExchange(input.getCluster(), input.getTraitSet().replace(CONVENTION), input, d);
    }

    @Override
    public Exchange copy(RelTraitSet traitSet, RelNode newInput, RelDistribution newDistribution) {
        return new StreamPhysicalExchange(getCluster(), traitSet, newInput, newDistribution);
    }

    @Override
    public String explainName() {
        return "Exchange";
    }

    @Override
    public ChangelogMode changelogMode(List<ChangelogMode> inputModes, boolean updateBeforeRequired) {
        return inputModes.get(0);
    }

    @Override
    public Set<ImmutableBitSet> uniqueKeys(List<Set<ImmutableBitSet>> inputKeys) {
        return inputKeys.get(0);
    }

    @Override
    public TimeAttribute[] timeAttributes(List<TimeAttribute[]> inputs) {
        return inputs.get(0);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        pw.input("input", getInput());
        return pw.item("distribution", describe(distribution, getRowType().getFieldNames()));
    }

    /** {@code hash[a, b]}, {@code single}, {@code broadcast}. */
    public static String describe(RelDistribution d, List<String> names) {
        switch (d.getType()) {
            case HASH_DISTRIBUTED: return "hash[" + PlanFormat.fieldList(names, d.getKeys()) + "]";
            case SINGLETON: return "single";
            case BROADCAST_DISTRIBUTED: return "broadcast";
            default: return d.getType().shortName;
        }
    }
}
