package io.weir.planner.physical;

import io.weir.planner.properties.TimeAttribute;
import io.weir.runtime.connector.ChangelogMode;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.List;
import java.util.Set;

/**
 * A node of the streaming physical plan. Besides its attributes it answers, given its inputs'
 * answers, the physical properties that {@code io.weir.planner.properties.PhysicalProperties}
 * computes for the whole plan: changelog mode, unique keys and time attributes.
 *
 * <p>Called on the planning thread, after the Volcano planner has chosen the plan.
 */
public interface StreamPhysicalRel extends RelNode {
    /** The calling convention of Weir's streaming physical nodes. */
    Convention CONVENTION = new Convention.Impl("STREAM_PHYSICAL", StreamPhysicalRel.class);

    /** The node's name in EXPLAIN output, e.g. {@code GroupAggregate}. */
    String explainName();

    /**
     * The row kinds this node emits.
     *
     * @param inputModes the (final) modes of the inputs
     * @param updateBeforeRequired whether a consumer needs {@code -U} rows from this node
     * @throws io.weir.planner.ValidationException if the node cannot consume its inputs' changes
     */
    ChangelogMode changelogMode(List<ChangelogMode> inputModes, boolean updateBeforeRequired);

    /** Whether input {@code i} must send {@code -U} rows, given whether this node must. */
    default boolean requiresUpdateBefore(int input, boolean updateBeforeRequired) {
        return updateBeforeRequired;
    }

    /** Sets of output fields that are unique (or, on updating streams, the key updates are for). */
    default Set<ImmutableBitSet> uniqueKeys(List<Set<ImmutableBitSet>> inputKeys) {
        return Set.of();
    }

    /** The time attribute of each output field. */
    default TimeAttribute[] timeAttributes(List<TimeAttribute[]> inputs) {
        return TimeAttribute.none(getRowType().getFieldCount());
    }
}
