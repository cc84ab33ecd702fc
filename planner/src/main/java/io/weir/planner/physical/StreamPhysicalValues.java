package io.weir.planner.physical;

import io.weir.planner.explain.PlanFormat;
import io.weir.runtime.connector.ChangelogMode;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code VALUES (...), (...)}: a bounded source of constant rows. The operator needs the literal
 * rows ({@link #getTuples()}, converted to internal values) and emits them as inserts at
 * parallelism 1, then ends.
 */
public final class StreamPhysicalValues extends Values implements StreamPhysicalRel {

    public StreamPhysicalValues(RelOptCluster cluster, RelTraitSet traits, RelDataType rowType,
                                List<List<RexLiteral>> tuples) {
        super(cluster, List.of(), rowType, toImmutable(tuples), traits);
    }

    private static com.google.common.collect.ImmutableList<com.google.common.collect.ImmutableList<RexLiteral>>
        toImmutable(List<List<RexLiteral>> tuples) {
        com.google.common.collect.ImmutableList.Builder<com.google.common.collect.ImmutableList<RexLiteral>> b =
            com.google.common.collect.ImmutableList.builder();
        for (List<RexLiteral> t : tuples) {
            b.add(com.google.common.collect.ImmutableList.copyOf(t));
        }
        return b.build();
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new StreamPhysicalValues(getCluster(), traitSet, rowType, new ArrayList<>(tuples));
    }

    @Override
    public String explainName() {
        return "Values";
    }

    @Override
    public ChangelogMode changelogMode(List<ChangelogMode> inputModes, boolean updateBeforeRequired) {
        return ChangelogMode.insertOnly();
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        List<String> rows = new ArrayList<>();
        for (List<RexLiteral> t : tuples) {
            List<String> vals = new ArrayList<>();
            for (RexLiteral l : t) {
                vals.add(PlanFormat.expr(l, List.of()));
            }
            rows.add("{ " + String.join(", ", vals) + " }");
        }
        return pw.item("tuples", "[" + String.join(", ", rows) + "]")
            .item("values", String.join(", ", getRowType().getFieldNames()));
    }
}
