package io.weir.planner.logical;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.List;

/**
 * OVER aggregation of one window ordered by columns that are not one ascending time attribute (a
 * Weir extension): {@code aggCalls OVER (PARTITION BY partitionKey ORDER BY orderKey ROWS BETWEEN
 * n|UNBOUNDED PRECEDING AND CURRENT ROW | RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)}; output:
 * the input fields, then one field per call. {@code preceding} is -1 for UNBOUNDED, else rows.
 * Recognized from a {@code LogicalWindow} by {@code io.weir.planner.rules.OverAggregateRule}; runs
 * as the retracting OVER operator whatever its input.
 */
public final class LogicalRetractOverAggregate extends SingleRel {
    private final ImmutableBitSet partitionKey;
    private final RelCollation orderKey;
    private final boolean rows;
    private final long preceding;
    private final List<AggregateCall> aggCalls;

    public LogicalRetractOverAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input,
                                       ImmutableBitSet partitionKey, RelCollation orderKey, boolean rows,
                                       long preceding, List<AggregateCall> aggCalls, RelDataType rowType) {
        super(cluster, traits, input);
        this.partitionKey = partitionKey;
        this.orderKey = orderKey;
        this.rows = rows;
        this.preceding = preceding;
        this.aggCalls = List.copyOf(aggCalls);
        this.rowType = rowType;
    }

    public ImmutableBitSet partitionKey() { return partitionKey; }

    public RelCollation orderKey() { return orderKey; }

    public boolean rows() { return rows; }

    public long preceding() { return preceding; }

    public List<AggregateCall> aggCalls() { return aggCalls; }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new LogicalRetractOverAggregate(getCluster(), traitSet, sole(inputs), partitionKey, orderKey, rows,
            preceding, aggCalls, rowType);
    }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("partitionBy", partitionKey).item("orderBy", orderKey)
            .item("rows", rows).item("preceding", preceding).item("aggs", aggCalls);
    }
}
