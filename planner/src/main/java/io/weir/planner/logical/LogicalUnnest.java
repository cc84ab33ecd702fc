package io.weir.planner.logical;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;

import java.util.List;

/**
 * {@code input CROSS JOIN UNNEST(input.c) [WITH ORDINALITY]} ({@code outer}: {@code LEFT JOIN ... ON TRUE}):
 * output = input fields ++ element fields (an {@code ARRAY<ROW>}'s row fields, a MAP's key and value,
 * else the element) [++ ordinality]. Recognized by {@code io.weir.planner.rules.UnnestRule}.
 */
public final class LogicalUnnest extends SingleRel {
    private final int collectionIndex;
    private final boolean withOrdinality;
    private final boolean outer;

    public LogicalUnnest(RelOptCluster cluster, RelTraitSet traits, RelNode input, int collectionIndex,
                         boolean withOrdinality, boolean outer, RelDataType rowType) {
        super(cluster, traits, input);
        this.collectionIndex = collectionIndex;
        this.withOrdinality = withOrdinality;
        this.outer = outer;
        this.rowType = rowType;
    }

    /** The input field holding the collection. */
    public int collectionIndex() {
        return collectionIndex;
    }

    public boolean withOrdinality() {
        return withOrdinality;
    }

    /** {@code LEFT JOIN UNNEST(...) ON TRUE}: a row with an empty or NULL collection is kept, padded. */
    public boolean outer() {
        return outer;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new LogicalUnnest(getCluster(), traitSet, inputs.get(0), collectionIndex, withOrdinality, outer, rowType);
    }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("unnest", getInput().getRowType().getFieldNames().get(collectionIndex))
            .itemIf("withOrdinality", true, withOrdinality).itemIf("outer", true, outer);
    }
}
