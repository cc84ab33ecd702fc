package io.weir.planner.physical;

import io.weir.planner.schema.TableDescriptor;
import io.weir.runtime.connector.ChangelogMode;
import io.weir.runtime.data.RowKind;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes rows into a table's sink, or (with no table) collects a {@code SELECT}'s changelog for
 * the client. The operator needs: the table (name, options, row type of the persisted columns) to
 * create the {@code TableSink}, and {@link #primaryKeyIndices()} for upsert sinks. The changelog
 * it receives is checked against {@link #acceptedMode()} by the changelog inference.
 */
public final class StreamPhysicalSink extends SingleRel implements StreamPhysicalRel {
    private final TableDescriptor table;
    private final ChangelogMode acceptedMode;

    public StreamPhysicalSink(RelOptCluster cluster, RelTraitSet traits, RelNode input, TableDescriptor table,
                              ChangelogMode acceptedMode) {
        super(cluster, traits, input);
        this.table = table;
        this.acceptedMode = acceptedMode;
    }

    /** The target table; null for the client's collect sink. */
    public TableDescriptor table() {
        return table;
    }

    /** The name used in plans and errors. */
    public String sinkName() {
        return table == null ? "collect" : table.qualifiedName();
    }

    /** The row kinds the sink can write. */
    public ChangelogMode acceptedMode() {
        return acceptedMode;
    }

    /** True if the sink writes upserts by its primary key (accepts updates but no {@code -U}). */
    public boolean isUpsertSink() {
        return acceptedMode.contains(RowKind.UPDATE_AFTER) && !acceptedMode.contains(RowKind.UPDATE_BEFORE);
    }

    /** Positions of the primary key columns in the input row (empty if none). */
    public ImmutableBitSet primaryKeyIndices() {
        if (table == null) {
            return ImmutableBitSet.of();
        }
        List<String> names = getInput().getRowType().getFieldNames();
        List<Integer> idx = new ArrayList<>();
        for (String k : table.primaryKey()) {
            idx.add(names.indexOf(k));
        }
        return ImmutableBitSet.of(idx);
    }

    @Override
    protected RelDataType deriveRowType() {
        return getInput().getRowType();
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new StreamPhysicalSink(getCluster(), traitSet, sole(inputs), table, acceptedMode);
    }

    @Override
    public String explainName() {
        return "Sink";
    }

    @Override
    public ChangelogMode changelogMode(List<ChangelogMode> inputModes, boolean updateBeforeRequired) {
        return inputModes.get(0);
    }

    /** Retract sinks need {@code -U}; an upsert sink does not when the input updates by its key. */
    public boolean requiresUpdateBefore(Set<ImmutableBitSet> inputKeys) {
        if (!isUpsertSink()) {
            return acceptedMode.contains(RowKind.UPDATE_BEFORE);
        }
        return !updatesByPrimaryKey(inputKeys);
    }

    /** True if some unique key of the input lies within the sink's primary key. */
    public boolean updatesByPrimaryKey(Set<ImmutableBitSet> inputKeys) {
        ImmutableBitSet pk = primaryKeyIndices();
        if (pk.isEmpty()) {
            return false;
        }
        for (ImmutableBitSet k : inputKeys) {
            if (pk.contains(k)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("table", sinkName())
            .item("fields", String.join(", ", getRowType().getFieldNames()));
    }
}
