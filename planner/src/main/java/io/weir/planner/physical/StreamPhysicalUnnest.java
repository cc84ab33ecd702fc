package io.weir.planner.physical;

import io.weir.planner.properties.TimeAttribute;
import io.weir.runtime.connector.ChangelogMode;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;

import java.util.List;

/**
 * {@code UNNEST} of the collection in input field {@link #collectionIndex()}, chained after its input
 * ({@code UnnestOperator}): input fields ++ element fields [++ ordinality], each produced row with
 * its input row's kind, so the changelog mode is the input's. Stateless. Input time attributes stay.
 */
public final class StreamPhysicalUnnest extends SingleRel implements StreamPhysicalRel {
    private final int collectionIndex;
    private final boolean withOrdinality;
    private final boolean outer;

    public StreamPhysicalUnnest(RelOptCluster cluster, RelTraitSet traits, RelNode input, int collectionIndex,
                                boolean withOrdinality, boolean outer, RelDataType rowType) {
        super(cluster, traits, input);
        this.collectionIndex = collectionIndex;
        this.withOrdinality = withOrdinality;
        this.outer = outer;
        this.rowType = rowType;
    }

    public int collectionIndex() {
        return collectionIndex;
    }

    public boolean withOrdinality() {
        return withOrdinality;
    }

    public boolean outer() {
        return outer;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new StreamPhysicalUnnest(getCluster(), traitSet, inputs.get(0), collectionIndex, withOrdinality, outer,
            rowType);
    }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    @Override
    public String explainName() {
        return "Unnest";
    }

    @Override
    public ChangelogMode changelogMode(List<ChangelogMode> inputModes, boolean updateBeforeRequired) {
        io.weir.planner.properties.ChangelogModes.checkRetracting(inputModes.get(0), this);
        return inputModes.get(0);
    }

    /**
     * An input row expands to several rows, so an upsert input's key no longer identifies a row:
     * retractions must carry the old row.
     */
    @Override
    public boolean requiresUpdateBefore(int input, boolean updateBeforeRequired) {
        return true;
    }

    @Override
    public TimeAttribute[] timeAttributes(List<TimeAttribute[]> inputs) {
        TimeAttribute[] out = TimeAttribute.none(getRowType().getFieldCount());
        System.arraycopy(inputs.get(0), 0, out, 0, inputs.get(0).length);
        return out;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw)
            .item("unnest", getInput().getRowType().getFieldNames().get(collectionIndex))
            .itemIf("withOrdinality", true, withOrdinality)
            .item("joinType", outer ? "LEFT" : "INNER")
            .item("select", String.join(", ", getRowType().getFieldNames()));
    }
}
